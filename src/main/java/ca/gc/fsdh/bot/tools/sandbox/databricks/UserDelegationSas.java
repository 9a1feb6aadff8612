package ca.gc.fsdh.bot.tools.sandbox.databricks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Directory-scoped user delegation SAS tokens, the credential Databricks hands out for a model
 * version's files on Azure ({@code azure_user_delegation_sas.sas_token} in MLflow's {@code
 * TemporaryCredentials}). Fields as Azure's user delegation SAS (learn.microsoft.com {@code
 * rest/api/storageservices/create-user-delegation-sas}): {@code skoid, sktid, skt, ske, sks, skv,
 * sv, st, se, sr=d, sdd, sp, spr, sig}. The signature is an HMAC-SHA256 with a key only this
 * stand-in knows, over the fields and the signed directory, so any change to a field, a path
 * outside the directory, or another account or container fails as a forged token does.
 */
final class UserDelegationSas {
  static final String VERSION = "2023-11-03";

  /** Why a request was refused: Azure's status, error code and authentication detail. */
  record Refusal(int status, String code, String message, String detail) {}

  private final byte[] key = new byte[32];
  private final String objectId = UUID.randomUUID().toString();
  private final String tenantId = UUID.randomUUID().toString();

  UserDelegationSas() {
    new SecureRandom().nextBytes(key);
  }

  /**
   * A token for every blob under {@code directory} (no leading or trailing slash) of one container,
   * with Azure's permission letters ({@code r} read, {@code a} add, {@code c} create, {@code w}
   * write, {@code l} list), valid from {@code start} to {@code expiry}. The values are URL-encoded,
   * ready to follow a {@code ?}.
   */
  String issue(
      String account,
      String container,
      String directory,
      String permissions,
      Instant start,
      Instant expiry) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("skoid", objectId);
    f.put("sktid", tenantId);
    f.put("skt", time(start));
    f.put("ske", time(expiry));
    f.put("sks", "b");
    f.put("skv", VERSION);
    f.put("sv", VERSION);
    f.put("st", time(start));
    f.put("se", time(expiry));
    f.put("sr", "d");
    f.put("sdd", Integer.toString(directory.isEmpty() ? 0 : directory.split("/").length));
    f.put("sp", permissions);
    f.put("spr", "https,http");
    f.put("sig", sign(f, "/blob/" + account + "/" + container + "/" + directory));
    StringBuilder sb = new StringBuilder();
    f.forEach((k, v) ->
        sb.append(sb.isEmpty() ? "" : "&")
            .append(k)
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }

  /**
   * Null when {@code query} (decoded) holds a token that allows {@code permission} on the blob
   * {@code path} of {@code account}/{@code container} at {@code now}; else Azure's refusal: a
   * missing, forged, out-of-scope or expired token is 403 {@code AuthenticationFailed}, a token
   * without the permission 403 {@code AuthorizationPermissionMismatch} (learn.microsoft.com "Common
   * REST API error codes").
   */
  Refusal check(
      String account,
      String container,
      String path,
      Map<String, String> query,
      char permission,
      Instant now) {
    String failed =
        "Server failed to authenticate the request. Make sure the value of Authorization header is formed"
            + " correctly including the signature.";
    if (!query.containsKey("sig")) {
      return new Refusal(
          403, "AuthenticationFailed", failed, "No shared access signature was given.");
    }
    for (String required :
        new String[] {
          "skoid", "sktid", "skt", "ske", "sks", "skv", "sv", "se", "sr", "sdd", "sp"
        }) {
      if (!query.containsKey(required)) {
        return new Refusal(
            403, "AuthenticationFailed", failed, "The signature lacks the field " + required + ".");
      }
    }
    int depth;
    try {
      depth = Integer.parseInt(query.get("sdd"));
    } catch (NumberFormatException e) {
      return new Refusal(403, "AuthenticationFailed", failed, "sdd is not a number.");
    }
    String[] segments = path.split("/");
    if (!query.get("sr").equals("d") || segments.length <= depth) {
      return new Refusal(
          403,
          "AuthenticationFailed",
          failed,
          "Signature did not match: the blob is outside the signed" + " directory.");
    }
    String directory = String.join("/", Arrays.copyOf(segments, depth));
    Map<String, String> f = new LinkedHashMap<>();
    for (String k :
        new String[] {
          "skoid", "sktid", "skt", "ske", "sks", "skv", "sv", "st", "se", "sr", "sdd", "sp", "spr"
        }) {
      f.put(k, query.getOrDefault(k, ""));
    }
    String expected = sign(f, "/blob/" + account + "/" + container + "/" + directory);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        query.get("sig").getBytes(StandardCharsets.US_ASCII))) {
      return new Refusal(403, "AuthenticationFailed", failed, "Signature did not match.");
    }
    try {
      Instant start = query.containsKey("st") ? Instant.parse(query.get("st")) : Instant.MIN;
      Instant expiry = Instant.parse(query.get("se"));
      if (now.isBefore(start) || !now.isBefore(expiry)) {
        return new Refusal(
            403,
            "AuthenticationFailed",
            failed,
            "Signature not valid in the specified time frame: Start ["
                + query.get("st")
                + "] - Expiry ["
                + query.get("se")
                + "] - Current ["
                + time(now)
                + "]");
      }
    } catch (DateTimeParseException e) {
      return new Refusal(403, "AuthenticationFailed", failed, "Invalid time in the signature.");
    }
    if (query.get("sp").indexOf(permission) < 0) {
      return new Refusal(
          403,
          "AuthorizationPermissionMismatch",
          "This request is not authorized to perform this" + " operation using this permission.",
          null);
    }
    return null;
  }

  private String sign(Map<String, String> fields, String resource) {
    StringBuilder toSign = new StringBuilder(resource);
    fields.forEach((k, v) -> {
      if (!k.equals("sig")) {
        toSign.append('\n').append(k).append('=').append(v);
      }
    });
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(toSign.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /** Azure's SAS time format: UTC, whole seconds ({@code 2026-12-01T10:00:00Z}). */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
