package io.flowstate.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.auth.AccessKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** In-memory sessions: random ids, their CSRF tokens, expiry and sign-out. */
class SessionsTest {
    private static final AccessKeys.Key KEY = new AccessKeys.Key("AKIDCI", "secret", "ci", Optional.empty());
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Sessions sessions = new Sessions(now::get, Duration.ofHours(8));

    @Test
    void open_twice_distinctRandomIdsAndTokens() {
        Session a = sessions.open(KEY);
        Session b = sessions.open(KEY);
        assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
        assertThat(a.csrf()).hasSize(43).isNotEqualTo(b.csrf());
        assertThat(sessions.find(a.id())).contains(a);
        assertThat(a.expires()).isEqualTo(now.get().plus(Duration.ofHours(8)));
    }

    @Test
    void find_afterLifetime_isGone() {
        Session s = sessions.open(KEY);
        now.set(now.get().plus(Duration.ofHours(8)).minusSeconds(1));
        assertThat(sessions.find(s.id())).isPresent();
        now.set(now.get().plusSeconds(1));
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void find_unknownOrMalformedId_isEmpty() {
        sessions.open(KEY);
        assertThat(sessions.find(Tokens.random())).isEmpty();
        assertThat(sessions.find("short")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void close_session_endsItAtOnce() {
        Session s = sessions.open(KEY);
        sessions.close(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void open_withExpiredSessions_dropsThem() {
        sessions.open(KEY);
        now.set(now.get().plus(Duration.ofDays(1)));
        sessions.open(KEY);
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void csrfMatches_onlyTheSessionsToken() {
        Session s = sessions.open(KEY);
        assertThat(s.csrfMatches(s.csrf())).isTrue();
        assertThat(s.csrfMatches(sessions.open(KEY).csrf())).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(null)).isFalse();
    }

    @Test
    void toString_session_leavesSecretsOut() {
        Session s = sessions.open(KEY);
        assertThat(s.toString()).doesNotContain(s.id(), s.csrf(), "secret").contains("AKIDCI");
    }
}
