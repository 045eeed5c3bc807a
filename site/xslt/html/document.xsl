<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document page, doc/{docid}.html (or its other-script twin when $convert-to is set): the text with
  both readings and the reading switch, the metadata panel, downloads, "cite this", the names in the
  document, and the notes. The context item is the TEI document (any TEI, or a TEI fragment).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:m="urn:x-jiaokan:modes"
    xmlns:jk="urn:x-jiaokan:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all"
    default-mode="m:document">
  <xsl:import href="params.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="header.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template match="/" mode="m:document">
    <xsl:variable name="h" select="f:header(.)"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="title" select="$h?title"/>
      <xsl:with-param name="body-class" select="'doc-page'"/>
      <xsl:with-param name="parts-of" select="."/>
      <xsl:with-param name="h" select="$h" tunnel="yes"/>
      <xsl:with-param name="canonical" select="f:canonical(.)" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/" mode="m:page-head">
    <xsl:param name="h" as="map(*)" tunnel="yes"/>
    <xsl:param name="canonical" as="xs:string" tunnel="yes"/>
    <xsl:if test="$canonical != ''"><link rel="canonical" href="{$canonical}"/></xsl:if>
    <xsl:if test="$convert-to != ''"><meta name="robots" content="noindex"/></xsl:if>
    <xsl:if test="$twin != ''"><jk-twin><meta name="robots" content="noindex"/></jk-twin></xsl:if>
    <xsl:call-template name="f:meta-tags"><xsl:with-param name="h" select="$h"/><xsl:with-param name="canonical" select="$canonical"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/" mode="m:page-content">
    <xsl:param name="h" as="map(*)" tunnel="yes"/>
    <xsl:param name="canonical" as="xs:string" tunnel="yes"/>
    <xsl:variable name="title" select="$h?title"/>
    <xsl:variable name="text-lang" select="if ($convert-to != '') then $convert-to else if ($doc-script != '') then $doc-script else f:lang(/*)"/>
    <!-- the twin's, when it is made in the same pass -->
    <xsl:variable name="twin-lang" as="attribute()?">
      <xsl:if test="$twin != '' and exists($text-lang) and $twin != $text-lang"><xsl:attribute name="jk-twin-lang" select="$twin"/></xsl:if>
    </xsl:variable>
        <article class="document" aria-labelledby="jk--title">
          <h1 id="jk--title"><xsl:if test="exists($text-lang)"><xsl:attribute name="lang" select="$text-lang"/></xsl:if>
            <xsl:sequence select="$twin-lang"/>
            <xsl:choose>
              <xsl:when test="$convert-to != ''"><xsl:value-of select="jk:convert($title, $convert-to)"/></xsl:when>
              <xsl:when test="$twin != ''"><jk-main><xsl:value-of select="$title"/></jk-main><jk-twin><xsl:value-of select="jk:convert($title, $twin)"/></jk-twin></xsl:when>
              <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
            </xsl:choose></h1>
          <div class="toolbar">
            <fieldset class="view-switch">
              <legend><xsl:sequence select="f:ui('view.legend')"/></legend>
              <input type="radio" name="jk-view" id="jk--view-reg" value="reg" checked=""/>
              <label for="jk--view-reg"><xsl:sequence select="f:ui('view.reg')"/></label>
              <input type="radio" name="jk-view" id="jk--view-dipl" value="dipl"/>
              <label for="jk--view-dipl"><xsl:sequence select="f:ui('view.dipl')"/></label>
            </fieldset>
            <xsl:call-template name="f:script-switch"/>
          </div>
          <xsl:if test="$convert-to != '' or $twin != ''">
            <xsl:variable name="note">
              <p class="converted-note"><xsl:sequence select="f:ui('script.converted')"/><xsl:text> </xsl:text>
                <a href="{encode-for-uri($docid)}.html" lang="{$doc-script}" hreflang="{$doc-script}"><xsl:sequence select="f:ui('script.source')"/></a></p>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="$convert-to != ''"><xsl:sequence select="$note"/></xsl:when>
              <xsl:otherwise><jk-twin><xsl:sequence select="$note"/></jk-twin></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <div class="layout">
            <div class="text">
              <xsl:if test="exists($text-lang)"><xsl:attribute name="lang" select="$text-lang"/></xsl:if>
              <xsl:sequence select="$twin-lang"/>
              <xsl:apply-templates select="f:text-roots(.)" mode="m:text"/>
            </div>
            <aside class="panel" aria-label="{f:t('meta.heading')}" data-i18n-aria-label="meta.heading">
              <xsl:call-template name="f:metadata"><xsl:with-param name="h" select="$h"/></xsl:call-template>
              <xsl:call-template name="f:downloads"><xsl:with-param name="h" select="$h"/></xsl:call-template>
              <xsl:call-template name="f:cite"><xsl:with-param name="canonical" select="$canonical"/></xsl:call-template>
              <xsl:call-template name="f:names-here"/>
            </aside>
          </div>
          <xsl:call-template name="f:notes-list">
            <xsl:with-param name="notes" select="f:text-roots(.)//note[not(ancestor::note)]"/>
          </xsl:call-template>
        </article>
  </xsl:template>

  <!-- What is shown as the text: text of a TEI (each TEI of a corpus), or the whole of a fragment. -->
  <xsl:function name="f:text-roots" as="element()*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="if ($doc/(TEI | teiCorpus)) then $doc/(TEI/text, teiCorpus//TEI/text, teiCorpus/*[not(self::teiHeader or self::TEI or self::teiCorpus)]) else $doc/*"/>
  </xsl:function>

  <!-- The link to the same document in the other script. -->
  <xsl:template name="f:script-switch">
    <xsl:variable name="other" select="if ($doc-script = 'zh-Hans') then 'zh-Hant' else if ($doc-script = 'zh-Hant') then 'zh-Hans' else ()"/>
    <xsl:if test="exists($other)">
      <p class="script-switch">
        <xsl:variable name="to-twin">
          <a href="{encode-for-uri($docid)}.{$other}.html" hreflang="{$other}" lang="{$other}" data-script="{$other}"><xsl:sequence select="f:ui('script.' || $other)"/></a>
        </xsl:variable>
        <xsl:variable name="to-source">
          <a href="{encode-for-uri($docid)}.html" hreflang="{$doc-script}" lang="{$doc-script}" data-script="{$doc-script}"><xsl:sequence select="f:ui('script.' || $doc-script)"/></a>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$convert-to != ''"><xsl:sequence select="$to-source"/></xsl:when>
          <xsl:when test="$twin != ''"><jk-main><xsl:sequence select="$to-twin"/></jk-main><jk-twin><xsl:sequence select="$to-source"/></jk-twin></xsl:when>
          <xsl:otherwise><xsl:sequence select="$to-twin"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Highwire and Dublin Core tags, for Zotero and other reference managers. -->
  <xsl:template name="f:meta-tags">
    <xsl:param name="h" as="map(*)"/>
    <xsl:param name="canonical" as="xs:string"/>
    <meta name="citation_title" content="{$h?title}"/>
    <xsl:for-each select="$h?authors"><meta name="citation_author" content="{.}"/></xsl:for-each>
    <xsl:if test="matches($h?date, '^\d{4}(-\d\d){0,2}')"><meta name="citation_date" content="{replace($h?date, '^(\d{4}(-\d\d){0,2}).*$', '$1')}"/></xsl:if>
    <xsl:if test="f:edition-title() != ''"><meta name="citation_publisher" content="{f:edition-title()}"/></xsl:if>
    <xsl:if test="$canonical != ''"><meta name="citation_public_url" content="{$canonical}"/></xsl:if>
    <xsl:if test="$doc-script != ''"><meta name="citation_language" content="{if ($doc-script = 'zh-Hant') then 'zh-TW' else 'zh-CN'}"/></xsl:if>
    <meta name="DC.title" content="{$h?title}"/>
    <xsl:for-each select="$h?authors"><meta name="DC.creator" content="{.}"/></xsl:for-each>
    <xsl:if test="$h?date != ''"><meta name="DC.date" content="{$h?date}"/></xsl:if>
    <meta name="DC.type" content="{if ($h?genre-key = 'news-report') then 'newspaperArticle' else if ($h?genre-key = ('notice', 'meeting-report', 'speech')) then 'report' else 'webpage'}"/>
    <xsl:if test="$doc-script != ''"><meta name="DC.language" content="{$doc-script}"/></xsl:if>
    <xsl:if test="$canonical != ''"><meta name="DC.identifier" content="{$canonical}"/></xsl:if>
    <xsl:if test="f:edition-title() != ''"><meta name="DC.publisher" content="{f:edition-title()}"/></xsl:if>
    <meta property="og:type" content="article"/>
  </xsl:template>

  <xsl:template name="f:metadata">
    <xsl:param name="h" as="map(*)"/>
    <section class="meta" aria-labelledby="jk--meta-h">
      <h2 id="jk--meta-h"><xsl:sequence select="f:ui('meta.heading')"/></h2>
      <dl>
        <xsl:for-each select="$h?date-el">
          <dt><xsl:sequence select="f:ui('meta.date')"/></dt>
          <dd><time><xsl:if test="matches(@when, '^\d{4}(-\d\d(-\d\d)?)?$') and (@when castable as xs:date or @when castable as xs:gYearMonth or @when castable as xs:gYear)"><xsl:attribute name="datetime" select="@when"/></xsl:if><xsl:value-of select="(@when[. != ''], normalize-space(text()[1]))[1]"/></time>
            <xsl:if test="@when and normalize-space(string-join(text(), '')) != ''"><xsl:text> </xsl:text><span><xsl:sequence select="f:lang-attr(.)"/>（<xsl:value-of select="normalize-space(string-join(text(), ''))"/>）</span></xsl:if>
            <xsl:text> </xsl:text><xsl:sequence select="f:cert(@cert)"/>
            <xsl:for-each select="note"><br/><span class="evidence"><xsl:sequence select="f:ui('meta.evidence')"/><xsl:text>：</xsl:text><span><xsl:sequence select="f:lang-attr(.)"/><xsl:value-of select="normalize-space(.)"/></span></span></xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.author'"/><xsl:with-param name="values" select="$h?author-els"/></xsl:call-template>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.issuer'"/><xsl:with-param name="values" select="$h?issuer-els"/></xsl:call-template>
        <xsl:if test="$h?genre != ''"><dt><xsl:sequence select="f:ui('meta.genre')"/></dt><dd lang="en"><xsl:value-of select="$h?genre"/></dd></xsl:if>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.place'"/><xsl:with-param name="values" select="$h?place-els"/></xsl:call-template>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.docNumber'"/><xsl:with-param name="values" select="$h?bibl/idno[@type = 'docNumber']"/></xsl:call-template>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.publisher'"/><xsl:with-param name="values" select="$h?bibl/publisher"/></xsl:call-template>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.source'"/><xsl:with-param name="values" select="$h?bibl/respStmt[contains(resp, 'source')]/(orgName | persName | name)"/></xsl:call-template>
        <xsl:for-each select="$h?bibl/idno[@type = 'URI'][f:safe-url(.)[matches(., '^https?:')]]">
          <dt><xsl:sequence select="f:ui('meta.url')"/></dt>
          <dd class="url"><a href="{f:safe-url(.)}" rel="noopener noreferrer"><xsl:value-of select="."/></a></dd>
        </xsl:for-each>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.published'"/><xsl:with-param name="values" select="$h?bibl/date[@type = 'published']"/></xsl:call-template>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.captured'"/><xsl:with-param name="values" select="$h?bibl/date[@type = 'captured']"/></xsl:call-template>
        <xsl:call-template name="f:dl-row"><xsl:with-param name="key" select="'meta.file'"/><xsl:with-param name="values" select="$h?bibl/idno[@type = 'filename']"/></xsl:call-template>
        <xsl:for-each select="$h?bibl/idno[@type = 'sha256']">
          <dt><xsl:sequence select="f:ui('meta.sha256')"/></dt>
          <dd><code class="hash"><xsl:value-of select="."/></code></dd>
        </xsl:for-each>
        <xsl:for-each select="$h?bibl/note[@type = 'encoding']/term[@type = 'charset']">
          <dt><xsl:sequence select="f:ui('meta.encoding')"/></dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="f:dl-row">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="element()*"/>
    <xsl:if test="$values[normalize-space()]">
      <dt><xsl:sequence select="f:ui($key)"/></dt>
      <xsl:for-each select="$values[normalize-space()]">
        <dd><xsl:sequence select="f:lang-attr(.)"/><xsl:value-of select="normalize-space(.)"/></dd>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="f:downloads">
    <xsl:param name="h" as="map(*)"/>
    <section class="downloads" aria-labelledby="jk--dl-h">
      <h2 id="jk--dl-h"><xsl:sequence select="f:ui('dl.heading')"/></h2>
      <ul>
        <li><a href="{encode-for-uri($docid)}.xml" download=""><xsl:sequence select="f:ui('dl.tei')"/></a></li>
        <xsl:if test="$raw-source != ''">
          <li><a href="{$raw-source}" download="{$raw-source-name}"><xsl:sequence select="f:ui('dl.raw')"/></a></li>
        </xsl:if>
        <xsl:if test="$formats = 'pdf'">
          <li><a href="../pdf/{encode-for-uri($docid)}.pdf" download="" type="application/pdf"><xsl:sequence select="f:ui('dl.pdf')"/></a></li>
        </xsl:if>
        <xsl:if test="$formats = 'catalog'">
          <xsl:for-each select="(['mods', 'mods', 'xml'], ['marcxml', 'marcxml', 'xml'], ['marc', 'marc', 'mrc'], ['dc', 'dc', 'xml'])">
            <li><a href="../records/{?2}/{encode-for-uri($docid)}.{?3}" download=""><xsl:sequence select="f:ui('dl.' || ?1)"/></a></li>
          </xsl:for-each>
        </xsl:if>
      </ul>
    </section>
  </xsl:template>

  <!-- "Cite this": canonical URL and the citations the Java hook gave; the script retargets it to a paragraph. -->
  <xsl:template name="f:cite">
    <xsl:param name="canonical" as="xs:string"/>
    <section class="cite" aria-labelledby="jk--cite-h" data-canonical="{$canonical}">
      <h2 id="jk--cite-h"><xsl:sequence select="f:ui('cite.heading')"/></h2>
      <p class="cite-target"><span class="cite-scope"><xsl:sequence select="f:ui('cite.whole')"/></span></p>
      <xsl:if test="$canonical != ''">
        <p><span class="label"><xsl:sequence select="f:ui('cite.url')"/></span><br/>
          <a class="cite-url" href="{$canonical}"><xsl:value-of select="$canonical"/></a>
          <xsl:text> </xsl:text><button type="button" class="copy" data-copy="cite-url"><xsl:sequence select="f:ui('cite.copy')"/></button></p>
      </xsl:if>
      <xsl:for-each select="('gbt7714', 'chicago', 'apa')[map:contains($citations, .)]">
        <p><span class="label"><xsl:sequence select="f:ui('cite.' || .)"/></span><br/>
          <span class="cite-text" data-style="{.}"><xsl:value-of select="$citations(.)"/></span>
          <xsl:text> </xsl:text><button type="button" class="copy" data-copy="{.}"><xsl:sequence select="f:ui('cite.copy')"/></button></p>
      </xsl:for-each>
      <xsl:variable name="files" select="(['bibtex', 'bib'], ['ris', 'ris'], ['cslJson', 'json'])[map:contains($citations, ?1)]"/>
      <xsl:if test="exists($files)">
        <ul class="cite-files">
          <xsl:for-each select="$files">
            <li><a href="../cite/{encode-for-uri($docid)}.{?2}" download=""><xsl:sequence select="f:ui('cite.' || ?1)"/></a></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <p class="copy-status" role="status" aria-live="polite"></p>
    </section>
  </xsl:template>

  <!-- The names in this document, each linked to its register page. -->
  <xsl:template name="f:names-here">
    <xsl:variable name="names" as="map(*)*">
      <xsl:for-each-group select="f:text-roots(/)//(persName | placeName | orgName | term | name | rs)" group-by="f:name-entity(.)[1]">
        <xsl:variable name="kind" select="f:name-entity(.)[2]"/>
        <xsl:if test="exists($kind)">
          <xsl:sequence select="map{'id': current-grouping-key(), 'kind': $kind, 'label': normalize-space(.), 'el': ., 'n': count(current-group())}"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:if test="exists($names)">
      <section class="names" aria-labelledby="jk--names-h">
        <h2 id="jk--names-h"><xsl:sequence select="f:ui('ent.heading')"/></h2>
        <xsl:for-each-group select="$names" group-by="?kind">
          <h3><xsl:sequence select="f:ui('nav.' || (if (current-grouping-key() = 'person') then 'persons' else current-grouping-key() || 's'))"/></h3>
          <ul>
            <xsl:for-each select="current-group()">
              <xsl:variable name="id" select="?id"/>
              <li><a class="ent ent-{?kind}" href="../{f:entity-href(?kind, ?id)}">
                <xsl:sequence select="f:lang-attr(?el)"/>
                <xsl:for-each select="?el"><xsl:call-template name="f:entity-text"><xsl:with-param name="id" select="$id"/><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:call-template></xsl:for-each>
              </a> <span class="count">(<xsl:value-of select="?n"/>)</span></li>
            </xsl:for-each>
          </ul>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
