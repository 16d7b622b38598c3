package org.feedhub.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The body subscriber keeps at most the cap in memory and cancels the download past it. */
class CappedBodyTest {

    static final class FakeSubscription implements Flow.Subscription {
        long requested;
        int cancels;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    private static List<ByteBuffer> chunk(int size) {
        return List.of(ByteBuffer.wrap(new byte[size]));
    }

    @Test
    void collectsABodyUnderTheCap() throws Exception {
        CappedBody body = new CappedBody(10);
        FakeSubscription s = new FakeSubscription();
        body.onSubscribe(s);
        body.onNext(
                List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4})));
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {5, 6})));
        body.onComplete();
        assertThat(body.getBody().toCompletableFuture().get()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(s.cancels).isZero();
    }

    @Test
    void bodyExactlyAtTheCapIsKept() throws Exception {
        CappedBody body = new CappedBody(8);
        body.onSubscribe(new FakeSubscription());
        body.onNext(chunk(8));
        body.onComplete();
        assertThat(body.getBody().toCompletableFuture().get()).hasSize(8);
    }

    @Test
    void passingTheCapCancelsTheDownloadAndFails() {
        CappedBody body = new CappedBody(8);
        FakeSubscription s = new FakeSubscription();
        body.onSubscribe(s);
        body.onNext(chunk(5));
        body.onNext(chunk(4));
        assertThat(s.cancels).isEqualTo(1);
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CappedBody.BodyTooLargeException.class)
                .hasMessageContaining("larger than 8 bytes");
    }

    @Test
    void whatArrivesAfterTheCapIsIgnored() {
        CappedBody body = new CappedBody(8);
        FakeSubscription s = new FakeSubscription();
        body.onSubscribe(s);
        body.onNext(chunk(9));
        for (int i = 0; i < 1000; i++) body.onNext(chunk(1 << 16)); // would be 64 MiB if kept
        body.onComplete();
        assertThat(s.cancels).isEqualTo(1);
        assertThat(body.getBody().toCompletableFuture().isCompletedExceptionally()).isTrue();
    }

    @Test
    void anErrorFailsTheBody() {
        CappedBody body = new CappedBody(8);
        body.onSubscribe(new FakeSubscription());
        body.onError(new java.io.IOException("reset"));
        assertThatThrownBy(() -> body.getBody().toCompletableFuture().get())
                .hasRootCauseMessage("reset");
    }

    @Test
    void cancelBeforeSubscribeIsHarmless() {
        new CappedBody(8).cancel();
    }
}
