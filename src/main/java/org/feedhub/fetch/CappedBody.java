package org.feedhub.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but gives up as soon as it passes {@code max} bytes, cancelling the
 * download: a huge or endless body costs at most {@code max} bytes of memory, with or without
 * Content-Length.
 */
final class CappedBody implements BodySubscriber<byte[]> {
    private final long max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private final boolean refuseAtOnce;

    CappedBody(long max) {
        this(max, -1);
    }

    /**
     * @param declaredLength the response's Content-Length, -1 when absent: a larger one is refused
     *     unread
     */
    CappedBody(long max, long declaredLength) {
        this.max = max;
        this.refuseAtOnce = declaredLength > max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (refuseAtOnce) {
            s.cancel();
            result.completeExceptionally(new BodyTooLargeException(max));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return;
        for (ByteBuffer b : buffers) {
            if (out.size() + (long) b.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(max));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    /** Stops the download (on timeout). */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long max) {
            super("response larger than " + max + " bytes");
        }
    }
}
