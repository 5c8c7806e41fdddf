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

    /** The page size a request asks for: {@code maxResults}, or 100 when it is absent or 0 (AWS's default). */
    public static int size(Optional<Integer> maxResults) {
        return maxResults.filter(n -> n > 0).orElse(DEFAULT_PAGE);
    }

    /** One page of items with the token for the next, if there are more. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {}

    /** The page of {@code all} that {@code nextToken} and {@code maxResults} select. */
    public static <T> Page<T> page(String scope, List<T> all, Optional<String> nextToken, Optional<Integer> maxResults) {
        int from = nextToken.map(t -> position(scope, t)).orElse(0);
        int size = size(maxResults);
        from = Math.min(from, all.size());
        int to = (int) Math.min(all.size(), (long) from + size);
        Optional<String> next = to < all.size() ? Optional.of(token(scope, to)) : Optional.empty();
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    /** The token that resumes {@code scope} at {@code position}. */
    public static String token(String scope, long position) {
        return token(scope, Long.toString(position));
    }

    /**
     * The token that resumes {@code scope} at {@code position}, a position of the lister's own (a store's page
     * token): the client sees one opaque token, and it only resumes the listing it came from.
     */
    public static String token(String scope, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token resumes at; {@code InvalidToken} when it is not a token of {@code scope}. */
    public static int position(String scope, String token) {
        String text = resume(scope, token);
        try {
            long p = Long.parseLong(text);
            if (p >= 0 && p <= Integer.MAX_VALUE) {
                return (int) p;
            }
        } catch (NumberFormatException e) {
            // falls through to InvalidToken
        }
        throw invalid();
    }

    /**
     * The position text a token of {@link #token(String, String)} carries; {@code InvalidToken} when it is not a
     * token of {@code scope}, which is how AWS's rule "keep all other arguments unchanged" is kept: a token
     * used with another resource or other filters is refused rather than resuming a different listing.
     */
    public static String resume(String scope, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            if (nl > 0 && text.substring(0, nl).equals(scope)) {
                return text.substring(nl + 1);
            }
        } catch (IllegalArgumentException e) {
            // falls through to InvalidToken: a token is opaque, its decoding errors are the client's
        }
        throw invalid();
    }

    /** AWS's error for a token that is not one of the operation's own. */
    static ApiException.InvalidToken invalid() {
        return new ApiException.InvalidToken("Invalid Token: 'Invalid token'");
    }
}
