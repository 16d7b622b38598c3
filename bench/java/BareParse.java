import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The ceiling for feedhub's ingest: bare Rome parsing (SyndFeedInput) of every generated feed file
 * in one JVM, no fetching, no storing. Each round reads every file from disk (page cache) and
 * parses it on THREADS threads. Round 1 is the like-for-like figure for a fresh JVM (JIT still
 * cold, as in a feedhub pass); the best round is the warmed-up ceiling.
 *
 * <pre>java -cp bench/work/java:$(cat bench/work/cp.txt) BareParse DIR THREADS ROUNDS</pre>
 *
 * Prints key=value lines.
 */
public final class BareParse {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files =
                    s.filter(p -> p.toString().endsWith(".rss") || p.toString().endsWith(".atom"))
                            .sorted()
                            .toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long best = Long.MAX_VALUE;
        long items = 0;
        long bytes = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            List<Future<long[]>> results = new ArrayList<>();
            for (Path f : files) results.add(pool.submit(() -> parse(f)));
            items = 0;
            bytes = 0;
            for (Future<long[]> r : results) {
                long[] v = r.get();
                items += v[0];
                bytes += v[1];
            }
            long nanos = System.nanoTime() - start;
            best = Math.min(best, nanos);
            System.out.printf("round%d_s=%.3f%n", round, nanos / 1e9);
            System.out.printf("round%d_items_per_s=%.0f%n", round, items / (nanos / 1e9));
        }
        pool.shutdown();
        System.out.printf(
                "files=%d%nitems=%d%nbytes=%d%nthreads=%d%nbest_s=%.3f%nbest_items_per_s=%.0f%n",
                files.size(), items, bytes, threads, best / 1e9, items / (best / 1e9));
    }

    private static long[] parse(Path f) throws Exception {
        byte[] body = Files.readAllBytes(f);
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        return new long[] {feed.getEntries().size(), body.length};
    }
}
