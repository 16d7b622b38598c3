package org.feedhub.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.feedhub.OfflineSources;
import org.feedhub.config.SourceDef;
import org.feedhub.store.Claimant;
import org.feedhub.store.SourceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The claim rules on a real database (H2, or PostgreSQL in CI's second run): several instances
 * (each a {@link Claims} with its own id, process and heartbeat) share the {@code source} table.
 */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ClaimsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration LEASE = Duration.ofMinutes(5);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        OfflineSources.register(r, "claims", "a", "b", "c");
    }

    @Autowired SourceStore sources;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager tx;
    @Autowired OwnerProcess thisProcess;

    Instant passStart;

    @BeforeEach
    void fresh() {
        jdbc.update("DELETE FROM source");
        jdbc.update("DELETE FROM instance_heartbeat WHERE instance_id LIKE 'test-%'");
        passStart = Instant.now();
        sources.sync(List.of(def("a"), def("b"), def("c")), passStart.minusSeconds(60));
    }

    static SourceDef def(String id) {
        return OfflineSources.def(id);
    }

    /** An instance named {@code test-NAME} running as {@code process}, with its heartbeat row. */
    Claims instance(String name, OwnerProcess process) {
        Heartbeat beat = new Heartbeat(jdbc, tx, "test-" + name, process, Duration.ofSeconds(10));
        beat.beat();
        return new Claims(
                jdbc,
                tx,
                sources,
                "test-" + name,
                process,
                new ClaimRules(thisProcess, TIMEOUT, ProcessProbe.LOCAL),
                beat,
                Clock.systemUTC(),
                LEASE);
    }

    /** This process's view, as the pass that wants the sources. */
    Claims me() {
        return new Claims(
                jdbc,
                tx,
                sources,
                "test-me",
                thisProcess,
                new ClaimRules(thisProcess, TIMEOUT, ProcessProbe.LOCAL),
                new Heartbeat(jdbc, tx, "test-me", thisProcess, Duration.ofSeconds(10)),
                Clock.systemUTC(),
                LEASE);
    }

    @Test
    void aPassWhoseProcessOnThisHostEndedLosesItsClaimsAtOnce() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            OwnerProcess dead =
                    new OwnerProcess(
                            thisProcess.host(),
                            child.pid(),
                            child.info().startInstant().orElse(null));
            Claims other = instance("dead", dead);
            assertThat(other.claimNext("P-dead", true, passStart, 10))
                    .containsExactlyInAnyOrder("a", "b", "c");
            assertThat(me().claimNext("P-me", true, passStart, 10))
                    .as("its process still runs: it holds them")
                    .isEmpty();

            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            Claims me = me();
            List<Takeover> taken = me.takeOver();
            assertThat(taken).hasSize(1);
            assertThat(taken.get(0).verdict()).isEqualTo(Verdict.PROCESS_ENDED);
            assertThat(taken.get(0).sources()).isEqualTo(3);
            assertThat(taken.get(0).describe())
                    .contains("pass P-dead", "process " + child.pid(), "3 sources");
            assertThat(me.gone("test-dead")).isTrue();
            assertThat(me.claimNext("P-me", true, passStart, 10))
                    .containsExactlyInAnyOrder("a", "b", "c");
            assertThat(me.heldElsewhere(passStart, true)).isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anotherHostWhoseHeartbeatStoppedLosesItsClaims() {
        OwnerProcess far =
                new OwnerProcess("far-away", 4242, Instant.parse("2026-01-01T00:00:00Z"));
        Claims other = instance("far", far);
        assertThat(other.claimNext("P-far", true, passStart, 2)).hasSize(2);
        Claims me = me();
        assertThat(me.takeOver()).as("its heartbeat is fresh").isEmpty();

        jdbc.update(
                "UPDATE instance_heartbeat SET beat_at = ? WHERE instance_id = 'test-far'",
                OffsetDateTime.ofInstant(
                        me.dbNow().minus(TIMEOUT).minusSeconds(1), ZoneOffset.UTC));
        List<Takeover> taken = me.takeOver();
        assertThat(taken).extracting(Takeover::verdict).containsExactly(Verdict.HEARTBEAT_STOPPED);
        assertThat(taken.get(0).sources()).isEqualTo(2);
        assertThat(me.gone("test-far")).isTrue();
        assertThat(me.claimNext("P-me", true, passStart, 10)).hasSize(3);
    }

    @Test
    void aLiveHolderElsewhereKeepsItsClaimsAndIsNamedAsTheReasonForTheSkip() {
        OwnerProcess far = new OwnerProcess("far-away", 4242, null);
        Claims other = instance("live", far);
        assertThat(other.claimNext("P-live", true, passStart, 2)).containsExactly("a", "b");

        Claims me = me();
        assertThat(me.claimNext("P-me", true, passStart, 10)).containsExactly("c");
        assertThat(me.claimNext("P-me", true, passStart, 10)).isEmpty();
        assertThat(me.gone("test-live")).isFalse();
        List<Skip> skips = me.heldElsewhere(passStart, true);
        assertThat(skips).hasSize(1);
        assertThat(skips.get(0).passId()).isEqualTo("P-live");
        assertThat(skips.get(0).host()).isEqualTo("far-away");
        assertThat(skips.get(0).sources()).isEqualTo(2);
        assertThat(skips.get(0).until()).isAfter(Instant.now().plus(LEASE).minusSeconds(60));
        assertThat(me.current()).containsOnlyKeys("a", "b", "c");
        assertThat(me.current().get("a").host()).isEqualTo("far-away");
    }

    @Test
    void aHolderThatLeftNoHeartbeatRowIsGoneButOldStyleClaimsWaitForTheirLease() {
        Instant now = Instant.now();
        sources.claim(
                new Claimant("test-ghost", "P-ghost", "far-away", 4242L, null),
                now,
                now.plus(LEASE),
                true,
                passStart,
                1,
                java.util.Set.of());
        sources.claim("test-old", now, now.plus(LEASE), true, passStart, 1);
        Claims me = me();
        List<Takeover> taken = me.takeOver();
        assertThat(taken).extracting(Takeover::verdict).containsExactly(Verdict.NO_HEARTBEAT);
        assertThat(me.claimNext("P-me", true, passStart, 10)).hasSize(2);
        assertThat(me.heldElsewhere(passStart, true)).extracting(Skip::sources).containsExactly(1);
    }

    @Test
    void theHeartbeatCommitsEvenInsideAPassTransactionThatIsLost() {
        Heartbeat beat = new Heartbeat(jdbc, tx, "test-tx", thisProcess, Duration.ofSeconds(10));
        new org.springframework.transaction.support.TransactionTemplate(tx)
                .executeWithoutResult(
                        status -> {
                            beat.working("P-tx");
                            status.setRollbackOnly();
                        });
        assertThat(
                        jdbc.queryForObject(
                                "SELECT pass_id FROM instance_heartbeat WHERE instance_id = 'test-tx'",
                                String.class))
                .isEqualTo("P-tx");
    }
}
