package org.feedhub.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When another pass's claims are free: the process table on this host, the heartbeat elsewhere. */
class ClaimRulesTest {
    static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");
    static final Instant BORN = Instant.parse("2026-12-01T21:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final OwnerProcess ME = new OwnerProcess("here", 100, BORN);

    static ClaimRules rules(ProcessProbe probe) {
        return new ClaimRules(ME, TIMEOUT, probe);
    }

    static final ProcessProbe NOTHING_RUNS = pid -> Optional.empty();

    static ProcessProbe runs(long pid, Instant start) {
        return p -> p == pid ? Optional.of(start) : Optional.empty();
    }

    static Holder holder(String host, Long pid, Instant start, Instant beat) {
        return new Holder("other", "p1", host, pid, start, beat);
    }

    @Test
    void aProcessOfThisHostThatEndedFreesItsClaimsAtOnce() {
        assertThat(rules(NOTHING_RUNS).judge(holder("here", 42L, BORN, NOW), NOW))
                .isEqualTo(Verdict.PROCESS_ENDED);
    }

    @Test
    void aLiveProcessOfThisHostHoldsItsClaimsEvenWithAStaleHeartbeat() {
        Instant stale = NOW.minus(Duration.ofHours(1));
        assertThat(rules(runs(42, BORN)).judge(holder("here", 42L, BORN, stale), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void aReusedPidOfThisHostFreesTheClaims() {
        Instant later = BORN.plus(Duration.ofMinutes(10));
        assertThat(rules(runs(42, later)).judge(holder("here", 42L, BORN, NOW), NOW))
                .isEqualTo(Verdict.PID_REUSED);
    }

    @Test
    void startTimesWithinRoundingAreTheSameProcess() {
        Instant rounded = BORN.plusMillis(400);
        assertThat(rules(runs(42, rounded)).judge(holder("here", 42L, BORN, NOW), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void anUnknownStartTimeLeavesThePidToDecide() {
        assertThat(rules(runs(42, Instant.MIN)).judge(holder("here", 42L, BORN, NOW), NOW))
                .isEqualTo(Verdict.HELD);
        assertThat(rules(runs(42, BORN)).judge(holder("here", 42L, null, NOW), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void anotherHostWithAFreshHeartbeatHoldsItsClaims() {
        assertThat(rules(NOTHING_RUNS).judge(holder("there", 42L, BORN, NOW.minusSeconds(5)), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void anotherHostsPidIsNeverLookedUpHere() {
        ProcessProbe mustNotAsk =
                pid -> {
                    throw new AssertionError("probed pid " + pid + " of another host");
                };
        assertThat(rules(mustNotAsk).judge(holder("there", 42L, BORN, NOW), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void anotherHostWhoseHeartbeatStoppedLosesItsClaims() {
        assertThat(rules(NOTHING_RUNS).judge(holder("there", 42L, BORN, NOW.minusSeconds(31)), NOW))
                .isEqualTo(Verdict.HEARTBEAT_STOPPED);
    }

    @Test
    void aHeartbeatExactlyTheTimeoutOldStillHolds() {
        assertThat(rules(NOTHING_RUNS).judge(holder("there", 42L, BORN, NOW.minus(TIMEOUT)), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void claimsNamingAProcessWithNoHeartbeatRowAreFree() {
        assertThat(rules(NOTHING_RUNS).judge(holder("there", 42L, BORN, null), NOW))
                .isEqualTo(Verdict.NO_HEARTBEAT);
    }

    @Test
    void claimsFromBeforeClaimsNamedTheirProcessWaitForTheirLease() {
        assertThat(rules(NOTHING_RUNS).judge(holder(null, null, null, null), NOW))
                .isEqualTo(Verdict.HELD);
    }

    @Test
    void theProcessTableSeesARealChildProcessLiveAndThenEnd() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            Instant start = child.info().startInstant().orElse(null);
            Holder h = holder(ME.host(), child.pid(), start, null);
            ClaimRules local = new ClaimRules(ME, TIMEOUT, ProcessProbe.LOCAL);
            assertThat(local.judge(h, NOW)).isEqualTo(Verdict.HELD);
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(local.judge(h, NOW)).isEqualTo(Verdict.PROCESS_ENDED);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void thisJvmKnowsItsOwnProcess() {
        OwnerProcess self = OwnerProcess.current("");
        assertThat(self.host()).isNotBlank();
        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(OwnerProcess.current(" node-7 ").host()).isEqualTo("node-7");
        assertThat(ProcessProbe.LOCAL.startOf(self.pid())).isPresent();
    }

    @Test
    void aSkipSaysHowManyWhoWhereAndUntilWhen() {
        Skip skip = new Skip("P", "H", 9, Instant.parse("2026-12-01T22:05:30Z"));
        assertThat(skip.describe(java.time.ZoneOffset.UTC))
                .isEqualTo("9 sources skipped: claimed by pass P on host H until 22:05");
        assertThat(new Skip("P", "H", 1, NOW).describe(java.time.ZoneOffset.UTC))
                .startsWith("1 source skipped:");
    }
}
