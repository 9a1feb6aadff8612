package ca.gc.fsdh.bot.tools.sandbox.databricks;

/**
 * An error answer, sent as {@code {"error_code": ..., "message": ...}} with the given HTTP status,
 * as the real service does. Route code throws it; {@link FakeDatabricks} writes it.
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final String errorCode;

  ApiError(int status, String errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  int status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "RESOURCE_DOES_NOT_EXIST", message);
  }

  static ApiError alreadyExists(String message) {
    return new ApiError(409, "RESOURCE_ALREADY_EXISTS", message);
  }

  static ApiError invalid(String message) {
    return new ApiError(400, "INVALID_PARAMETER_VALUE", message);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "BAD_REQUEST", message);
  }
}
