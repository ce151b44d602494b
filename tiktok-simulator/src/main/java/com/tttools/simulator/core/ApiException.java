package com.tttools.simulator.core;

/** An API-level error: rendered as HTTP 200 with a non-zero code in the envelope, as TikTok does. */
public class ApiException extends RuntimeException {

    public static final int NO_PERMISSION = 40001;
    public static final int INVALID_PARAM = 40002;
    public static final int QUERY_TOO_LARGE = 40067;
    public static final int APP_RATE_LIMIT = 40100;
    public static final int TOKEN_EXPIRED = 40102;
    public static final int TOKEN_NULL = 40104;
    public static final int TOKEN_INVALID = 40105;
    public static final int AUTH_CODE_INVALID = 40110;
    public static final int ADVERTISER_PATH_RATE_LIMIT = 40133;
    public static final int TASK_NOT_READY = 40201;
    public static final int SYSTEM_ERROR = 50000;
    public static final int PROCESSING_ERROR = 50002;
    public static final int MAINTENANCE = 60001;

    private final int code;

    public ApiException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ApiException invalid(String message) {
        return new ApiException(INVALID_PARAM, message);
    }

    /** The message TikTok uses for each code when none more specific is known. */
    public static String defaultMessage(int code) {
        return switch (code) {
            case NO_PERMISSION -> "No permission to operate this advertiser.";
            case INVALID_PARAM -> "Invalid parameter.";
            case QUERY_TOO_LARGE -> "Your query is too large, please reduce the query size (e.g. fewer metrics or time range) and retry after a while.";
            case APP_RATE_LIMIT -> "Requests made too frequently.";
            case TOKEN_NULL -> "Access token is null";
            case TOKEN_INVALID -> "Access token is incorrect or has been revoked.";
            case AUTH_CODE_INVALID -> "Authorization code is expired or has been used.";
            case 40200 -> "Task error.";
            case TASK_NOT_READY -> "Task is not ready.";
            case 40202 -> "Write or update entity conflict. Retry may resolve this issue.";
            case 40700 -> "Internal service validation error.";
            case SYSTEM_ERROR -> "System error.";
            case PROCESSING_ERROR -> "Error processing request on TikTok side. Please see error message for details.";
            case 51001 -> "Internal service timeout.";
            case MAINTENANCE -> "The system is in maintenance.";
            default -> "Error.";
        };
    }
}
