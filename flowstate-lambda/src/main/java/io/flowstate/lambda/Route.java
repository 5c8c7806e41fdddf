package io.flowstate.lambda;

/**
 * The operations of Lambda's REST API this server answers, recognised by method and path (the path's function
 * name or ARN already URL-decoded), and one route for anything else.
 */
sealed interface Route {
    String PREFIX = "/2015-03-31/functions";

    /** {@code POST /2015-03-31/functions}. */
    record CreateFunction() implements Route {}

    /** {@code GET /2015-03-31/functions/}. */
    record ListFunctions() implements Route {}

    /** {@code GET /2015-03-31/functions/{name}}. */
    record GetFunction(String function) implements Route {}

    /** {@code GET /2015-03-31/functions/{name}/configuration}. */
    record GetFunctionConfiguration(String function) implements Route {}

    /** {@code DELETE /2015-03-31/functions/{name}}. */
    record DeleteFunction(String function) implements Route {}

    /** {@code POST /2015-03-31/functions/{name}/invocations}. */
    record Invoke(String function) implements Route {}

    /** {@code GET /flowstate/code/{name}.zip}: where GetFunction's {@code Code.Location} points. */
    record DownloadCode(String function) implements Route {}

    /** Any other method and path. */
    record Unknown(String method, String path) implements Route {}

    static Route of(String method, String path) {
        if (path.startsWith("/flowstate/code/") && path.endsWith(".zip") && method.equals("GET")) {
            return new DownloadCode(path.substring("/flowstate/code/".length(), path.length() - ".zip".length()));
        }
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return switch (method) {
                case "POST" -> new CreateFunction();
                case "GET" -> new ListFunctions();
                default -> new Unknown(method, path);
            };
        }
        if (!path.startsWith(PREFIX + "/")) {
            return new Unknown(method, path);
        }
        String[] parts = path.substring(PREFIX.length() + 1).split("/", -1);
        String function = parts[0];
        if (function.isEmpty()) {
            return new Unknown(method, path);
        }
        if (parts.length == 1) {
            return switch (method) {
                case "GET" -> new GetFunction(function);
                case "DELETE" -> new DeleteFunction(function);
                default -> new Unknown(method, path);
            };
        }
        if (parts.length == 2 || (parts.length == 3 && parts[2].isEmpty())) {
            if (parts[1].equals("configuration") && method.equals("GET")) {
                return new GetFunctionConfiguration(function);
            }
            if (parts[1].equals("invocations") && method.equals("POST")) {
                return new Invoke(function);
            }
        }
        return new Unknown(method, path);
    }
}
