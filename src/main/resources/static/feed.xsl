<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows a topic's RSS or Atom feed as a readable page when it is opened in a browser, with the
     address to paste into a feed reader. Feed readers ignore it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="self" select="(/rss/channel/atom:link[@rel='self'] | /atom:feed/atom:link[@rel='self'])[1]/@href"/>
  <xsl:variable name="site" select="(/rss/channel/link | /atom:feed/atom:link[@rel='alternate'])[1]"/>
  <!-- The site's front page: the feed's own address up to /topics/, so it works under any base URL
       (a static export in a sub-folder too), not only at the server's root. -->
  <xsl:variable name="home">
    <xsl:choose>
      <xsl:when test="contains($self, '/topics/')"><xsl:value-of select="concat(substring-before($self, '/topics/'), '/')"/></xsl:when>
      <xsl:otherwise>/</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          body{margin:0;padding:0 1rem;font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff}
          header,main{max-width:42rem;margin:0 auto}
          header{padding:1.5rem 0 .5rem;border-bottom:1px solid #ddd}
          .note{background:#eef3fd;border-radius:.4rem;padding:.6rem .8rem}
          input{width:100%;font:inherit;padding:.3rem;border:1px solid #bbb;border-radius:.3rem}
          article{padding:.8rem 0;border-bottom:1px solid #ddd}
          h2{font-size:1.1rem;margin:0}
          .meta{color:#5a5a5a;font-size:.9rem}
          a{color:#0b57d0}
        </style>
      </head>
      <body>
        <header>
          <p class="note">This is a feed. Copy its address into your feed reader to subscribe:</p>
          <label for="feed-url" class="meta">Feed address</label>
          <input id="feed-url" type="text" readonly="readonly" value="{$self}" onclick="this.select()"/>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <xsl:if test="$site">
            <p><a href="{$home}">All topics</a></p>
          </xsl:if>
        </header>
        <main>
          <xsl:for-each select="/rss/channel/item | /atom:feed/atom:entry">
            <article>
              <h2>
                <a href="{link | atom:link[@rel='alternate']/@href}">
                  <xsl:value-of select="title | atom:title"/>
                </a>
              </h2>
              <p class="meta"><xsl:value-of select="pubDate | atom:published"/></p>
              <p><xsl:value-of select="substring(description | atom:summary, 1, 300)"/></p>
            </article>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
