package org.feedhub.app;

import org.feedhub.websub.subscribe.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Says at start-up whether feedhub subscribes to its sources' hubs (and why not), and runs the
 * subscriber's worker every {@code feedhub.websub.tick} when it does and {@code
 * feedhub.websub.worker} is on. Only in the server: the callbacks need it.
 */
@Component
@ConditionalOnWebApplication
class SubscriberWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SubscriberWorker.class);
    private final Subscriber subscriber;
    private final SubscriberProperties props;
    private Ticker timer;
    private boolean running;

    SubscriberWorker(Subscriber subscriber, SubscriberProperties props) {
        this.subscriber = subscriber;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!subscriber.subscribing()) {
            log.info(
                    "WebSub: not subscribing to the hubs sources announce: {}; sources are polled only",
                    subscriber.whyNotSubscribing());
            return;
        }
        log.info(
                "WebSub: subscribing to the hubs sources announce; hubs push to {}{}…",
                subscriber.settings().baseUrl(),
                Subscriber.CALLBACK_PATH);
        if (!props.worker()) return;
        timer = Ticker.start("websub-subscriber", props.tick(), subscriber::runOnce);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (timer == null) return;
        timer.stop();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
