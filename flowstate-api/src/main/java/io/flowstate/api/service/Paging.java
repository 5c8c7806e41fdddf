package io.flowstate.api.service;

import io.flowstate.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code nextToken}/{@code maxResults} paging over a list computed per call. A token is opaque to clients: the
 * operation it belongs to and the position to go on from, so a token from another operation is refused with
 * AWS's {@code InvalidToken}. {@code maxResults} 0 or absent means AWS's default page of 100.
 */
public final class Paging {
    private static final int DEFAULT_PAGE = 100;

    private Paging() {}

    /** One page of items with the token for the next, if there are more. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {}

    /** The page of {@code all} that {@code nextToken} and {@code maxResults} select. */
    public static <T> Page<T> page(String scope, List<T> all, Optional<String> nextToken, Optional<Integer> maxResults) {
        int from = nextToken.map(t -> position(scope, t)).orElse(0);
        int size = maxResults.filter(n -> n > 0).orElse(DEFAULT_PAGE);
        from = Math.min(from, all.size());
        int to = (int) Math.min(all.size(), (long) from + size);
        Optional<String> next = to < all.size() ? Optional.of(token(scope, to)) : Optional.empty();
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    /** The token that resumes {@code scope} at {@code position}. */
    public static String token(String scope, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token resumes at; {@code InvalidToken} when it is not a token of {@code scope}. */
    public static int position(String scope, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (nl > 0 && text.substring(0, nl).equals(scope)) {
                long p = Long.parseLong(text.substring(nl + 1));
                if (p >= 0 && p <= Integer.MAX_VALUE) {
                    return (int) p;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to InvalidToken: a token is opaque, its decoding errors are the client's
        }
        throw new ApiException.InvalidToken("Invalid Token: 'Invalid token'");
    }
}
