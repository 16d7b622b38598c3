package org.feedhub.cli;

/** What {@code help} prints. */
final class HelpText {
    private HelpText() {}

    static final String TEXT =
            """
            feedhub - a scheduled feed aggregator and syndication hub

            Usage: java -jar feedhub.jar [COMMAND] [--name=value ...]

            Commands:
              (none)        start the server: one pass now, then on schedule; serves the topic feeds
              check         validate feeds.yml and print what it defines
              aggregate     one pass over every source now, one line per source, then exit
              aggregate ID...  poll just those sources now, even if they are backing off
              export DIR    write every topic's feeds, pages and OPML files into DIR, then exit
              preview ID    fetch source ID now and print the stories feedhub would take from it
                            (title, link, date, summary, the stored story it would merge
                            with and why) and its warnings; stores nothing
              explain-dup A B   why two stored stories (ids or links) are one story or not:
                            the parts of the near-duplicate score and the decision
              explain TOPIC_ID LINK  why the stored story with that link is or is not in the topic
                            (which phrase or tag matched, which none phrase vetoed, which source rule)
              retag         apply the current tag vocabulary to every stored story and re-file topics
              import-opml FILE  add the feeds of an OPML file (from another reader) to feeds.yml;
                            its folders become the new sources' tags
              help          this text

            Most used settings (--name=value, before or after the command; or in config/application.yml):
              --feedhub.feeds=PATH                     the editors' file (default: feeds.yml)
              --server.port=N                          HTTP port of the server (default: 8080)
              --feedhub.base-url=URL                   public URL used in self links and exports
              --feedhub.schedule.tick=30s              how often the server looks for due sources
              --feedhub.fetch.allow-private-networks=true   allow sources on loopback/private addresses
              --spring.profiles.active=postgres        use PostgreSQL (config/application-postgres.yml)
              --spring.datasource.url=JDBC_URL         any database (H2 file under ./data/ by default)

            Readers' URLs: /, /topics/ID, /topics/ID.rss|.atom|.json, /topics.opml, /sources.opml,
                           /sources (each source's state), /api/sources, /actuator/health,
                           /actuator/prometheus
            """;
}
