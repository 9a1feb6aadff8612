package ca.gc.fsdh.bot.tools.sandbox.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Paging of the Unity Catalog list calls, as the SDK 0.141 javadoc describes it ({@code
 * ListCatalogsRequest.max_results}): not set, everything at once; 0, the server's page size; more,
 * the smaller of it and the server's; less than 0, an invalid parameter error. A page may be empty
 * and still carry a {@code next_page_token}; only its absence ends the list. Items are always sent
 * as an array, even an empty one (the SDK's paginator stops at a missing array).
 */
final class UcPage {
  private UcPage() {}

  static <T> ObjectNode of(
      ApiCall call,
      String sizeParam,
      List<T> all,
      String field,
      Function<T, JsonNode> render,
      UnityCatalog uc) {
    String raw = call.param(sizeParam);
    String token = call.param("page_token");
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray(field);
    if (raw == null && (token == null || token.isEmpty())) {
      all.forEach(t -> items.add(render.apply(t)));
      return body;
    }
    int max;
    try {
      max = raw == null ? 0 : Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw UcError.invalid(sizeParam + " must be a number: " + raw).toApi();
    }
    if (max < 0) {
      throw UcError.invalid(sizeParam + " must not be negative: " + max).toApi();
    }
    int size = max == 0 ? uc.maxPageSize() : Math.min(max, uc.maxPageSize());
    if ((token == null || token.isEmpty()) && uc.emptyFirstPages()) {
      body.put("next_page_token", PageToken.encode("0"));
      return body;
    }
    int offset = (int) PageToken.decodeLong(token, 0);
    if (offset < 0 || offset > all.size()) {
      throw ApiError.invalid("Invalid page token: " + token);
    }
    all.stream().skip(offset).limit(size).forEach(t -> items.add(render.apply(t)));
    if (offset + size < all.size()) {
      body.put("next_page_token", PageToken.encode(Integer.toString(offset + size)));
    }
    return body;
  }
}
