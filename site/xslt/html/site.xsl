<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition pages, from the documents' summaries and the registers: index.html, documents.html,
  the register indexes and one page per entry, about.html, search.html, sitemap.xml.
  Called with the initial template main; each page is an xsl:result-document.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:m="urn:x-jiaokan:modes"
    xmlns:jk="urn:x-jiaokan:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:import href="params.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:variable name="docs" select="for $s in $summaries return $s/*:doc"/>  <!-- in the order given (by file), not in the order the trees were built -->
  <xsl:variable name="mentions" select="for $d in $docs return $d/*:m"/>
  <!-- The mentions of each register id, in the order of $mentions: looked up per entry, not filtered from all of them. -->
  <xsl:variable name="mentions-by-ref" as="map(xs:string, element()*)">
    <xsl:map>
      <xsl:for-each-group select="$mentions[@ref]" group-by="string(@ref)">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>
  <xsl:variable name="kinds" select="('person', 'place', 'org', 'term')"/>
  <xsl:variable name="index-page" select="map{'person': 'persons', 'place': 'places', 'org': 'orgs', 'term': 'terms'}"/>

  <!-- Every register entry: those of registers.xml, then ids only the documents name. -->
  <xsl:variable name="entries" as="map(*)*">
    <xsl:variable name="reg" select="$registers//(person | place | org | personGrp)[@xml:id][exists(jk:page-id(@xml:id))]"/>
    <xsl:for-each select="$reg">
      <xsl:sequence select="map{'id': string(@xml:id), 'kind': f:kind-of-entry(.), 'entry': .,
        'label': normalize-space((*[@xml:lang = 'zh-Hans'], persName, placeName, orgName, *)[normalize-space()][1])}"/>
    </xsl:for-each>
    <xsl:variable name="reg-ids" select="map:merge($reg ! map{string(@xml:id): true()}, map{'duplicates': 'use-first'})"/>
    <xsl:for-each-group select="$mentions[not(map:contains($reg-ids, string(@ref)))]" group-by="@ref">
      <!-- the first name in input order: a path (/) would order the mentions by tree, that is by which summary was built first -->
      <xsl:sequence select="map{'id': string(@ref), 'kind': string(@kind), 'label': string((current-group() ! @name[. != ''])[1])}"/>
    </xsl:for-each-group>
  </xsl:variable>

  <!-- The pages may be made in $parts transformations at once: part 0 makes the edition's own pages, and part k
       the entries at positions k + 1, k + 1 + $parts … (each page is the same whichever part makes it). -->
  <xsl:param name="part" as="xs:integer" select="0"/>
  <xsl:param name="parts" as="xs:integer" select="1"/>
  <!-- The ids of the entries whose pages are made, where not all are (an incremental publication keeps the others). -->
  <xsl:param name="only" as="map(*)?" select="()"/>
  <!-- Whether the entries' pages are made by the publisher (its EntryPages, which follows the template entry and the
       frame the template entry-frame gives it): this transformation then makes the edition's own pages only. -->
  <xsl:param name="entry-pages-elsewhere" as="xs:boolean" select="false()"/>

  <xsl:template name="main">
    <xsl:if test="$part = 0">
      <xsl:call-template name="home"/>
      <xsl:call-template name="documents"/>
      <xsl:for-each select="$kinds">
        <xsl:call-template name="register-index"><xsl:with-param name="kind" select="."/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:for-each select="if ($entry-pages-elsewhere) then () else $entries">
      <xsl:if test="(position() - 1) mod $parts = $part and (empty($only) or map:contains($only, .?id))">
        <xsl:call-template name="entry"><xsl:with-param name="e" select="."/></xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="$part = 0">
      <xsl:call-template name="about"/>
      <xsl:call-template name="search"/>
      <xsl:call-template name="sitemap"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="home">
    <xsl:variable name="fd" select="$edition/*/teiHeader[1]/fileDesc"/>
    <xsl:result-document href="index.html">
      <xsl:call-template name="f:page">
        <xsl:with-param name="root" select="''"/>
        <xsl:with-param name="title" select="if (f:edition-title() != '') then '' else f:t('site.name')"/>
        <xsl:with-param name="content" as="node()*">
          <h1><xsl:sequence select="if (f:edition-title() != '') then f:lang-inherit(($fd/titleStmt/title)[1]) else ()"/><xsl:value-of select="(f:edition-title()[. != ''], 'Jiaokan')[1]"/></h1>
          <xsl:variable name="intro" select="$edition/*/teiHeader[1]/encodingDesc/projectDesc/p, $fd/sourceDesc/p"/>
          <xsl:if test="$intro">
            <section aria-labelledby="jk--intro-h"><h2 id="jk--intro-h"><xsl:sequence select="f:ui('home.intro')"/></h2>
              <xsl:for-each select="$intro"><p><xsl:sequence select="f:lang-inherit(.)"/><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
              <xsl:for-each select="$fd/titleStmt/editor"><p><xsl:sequence select="f:lang-inherit(.)"/><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
            </section>
          </xsl:if>
          <section aria-labelledby="jk--docs-h"><h2 id="jk--docs-h"><xsl:sequence select="f:ui('home.documents')"/></h2>
            <p><a href="documents.html"><xsl:value-of select="count($docs)"/><xsl:text> </xsl:text><xsl:sequence select="f:ui('home.count')"/></a></p>
            <xsl:if test="$formats = 'pdf' and exists($docs)">
              <xsl:choose>
                <xsl:when test="$pdf-volumes le 1">
              <p class="edition-pdf"><a href="pdf/edition.pdf" download="" type="application/pdf"><xsl:sequence select="f:ui('pdf.edition')"/></a></p>
                </xsl:when>
                <xsl:otherwise>
                  <p class="edition-pdf"><xsl:sequence select="f:ui('pdf.edition')"/><xsl:text>: </xsl:text>
                    <xsl:for-each select="1 to $pdf-volumes">
                      <xsl:if test=". gt 1"><xsl:text> · </xsl:text></xsl:if>
                      <a href="pdf/edition-{.}.pdf" download="" type="application/pdf"><xsl:value-of select="."/></a>
                    </xsl:for-each>
                  </p>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <ul class="doc-list">
              <xsl:for-each select="$docs">
                <xsl:sort select="@date"/>
                <li><a href="doc/{encode-for-uri(@id)}.html" lang="{@lang}"><xsl:value-of select="@title"/></a>
                  <xsl:if test="@date != ''"><xsl:text> </xsl:text><span class="date"><xsl:value-of select="@date"/></span></xsl:if></li>
              </xsl:for-each>
            </ul>
          </section>
          <xsl:variable name="decl" select="if ($edition/*/teiHeader[1]/encodingDesc/editorialDecl) then $edition/*/teiHeader[1]/encodingDesc/editorialDecl//p/normalize-space() else distinct-values(for $d in $docs return $d/*:decl)"/>
          <xsl:if test="exists($decl)">
            <section aria-labelledby="jk--decl-h"><h2 id="jk--decl-h"><xsl:sequence select="f:ui('home.principles')"/></h2>
              <xsl:for-each select="$decl"><p lang="en"><xsl:value-of select="."/></p></xsl:for-each>
            </section>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- The document list: a plain table that the script makes sortable and filterable. -->
  <xsl:template name="documents">
    <xsl:result-document href="documents.html">
      <xsl:call-template name="f:page">
        <xsl:with-param name="root" select="''"/>
        <xsl:with-param name="title" select="f:t('list.heading')"/>
        <xsl:with-param name="content" as="node()*">
          <h1><xsl:sequence select="f:ui('list.heading')"/></h1>
          <form class="filters" hidden="" aria-label="{f:t('list.filter')}" data-i18n-aria-label="list.filter">
            <xsl:for-each select="('genre', 'place', 'issuer')">
              <xsl:variable name="facet" select="."/>
              <label><xsl:sequence select="f:ui('col.' || $facet)"/><xsl:text> </xsl:text>
                <select name="{$facet}" data-facet="{$facet}">
                  <option value=""><xsl:value-of select="f:t('list.all')"/></option>
                  <xsl:for-each select="distinct-values($docs/@*[local-name() = $facet][. != ''])">
                    <xsl:sort select="."/>
                    <option value="{.}"><xsl:value-of select="."/></option>
                  </xsl:for-each>
                </select>
              </label>
            </xsl:for-each>
            <label><xsl:sequence select="f:ui('col.date')"/><xsl:text> </xsl:text>
              <select name="year" data-facet="year">
                <option value=""><xsl:value-of select="f:t('list.all')"/></option>
                <xsl:for-each select="distinct-values($docs/@date[matches(., '^\d{4}')]/substring(., 1, 4))">
                  <xsl:sort select="."/>
                  <option value="{.}"><xsl:value-of select="."/></option>
                </xsl:for-each>
              </select>
            </label>
            <output class="shown" aria-live="polite"></output>
          </form>
          <p class="hint" hidden=""><xsl:sequence select="f:ui('list.sort')"/></p>
          <table class="documents sortable">
            <thead><tr>
              <xsl:for-each select="('date', 'title', 'genre', 'place', 'issuer')">
                <th scope="col" data-col="{.}"><xsl:sequence select="f:ui('col.' || .)"/></th>
              </xsl:for-each>
            </tr></thead>
            <tbody>
              <xsl:for-each select="$docs">
                <xsl:sort select="@date"/>
                <xsl:sort select="@id"/>
                <tr data-genre="{@genre}" data-place="{@place}" data-issuer="{@issuer}" data-year="{substring(@date, 1, 4)}">
                  <td data-sort="{@date}"><xsl:value-of select="@date"/></td>
                  <td><a href="doc/{encode-for-uri(@id)}.html" lang="{@lang}"><xsl:value-of select="@title"/></a></td>
                  <td lang="en"><xsl:value-of select="@genre"/></td>
                  <td lang="{@script}"><xsl:value-of select="@place"/></td>
                  <td lang="{@script}"><xsl:value-of select="@issuer"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="register-index">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="label-key" select="'nav.' || $index-page($kind)"/>
    <xsl:result-document href="{$index-page($kind)}.html">
      <xsl:call-template name="f:page">
        <xsl:with-param name="root" select="''"/>
        <xsl:with-param name="title" select="f:t($label-key)"/>
        <xsl:with-param name="content" as="node()*">
          <h1><xsl:sequence select="f:ui($label-key)"/></h1>
          <ul class="register-index">
            <xsl:for-each select="$entries[?kind = $kind]">
              <xsl:sort select="?label" collation="http://www.w3.org/2013/collation/UCA?lang=zh"/>
              <xsl:variable name="id" select="?id"/>
              <li><a href="{f:entity-href($kind, $id)}" lang="zh"><xsl:value-of select="?label"/></a>
                <xsl:text> </xsl:text><span class="count">(<xsl:value-of select="count($mentions-by-ref($id))"/>)</span></li>
            </xsl:for-each>
          </ul>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- One register entry: its spellings and codes, and every mention in context, by document. The content is
       written straight into the page by the template below (the entry pages are most of the site: no temporary
       tree to build and copy for each). -->
  <xsl:template name="entry">
    <xsl:param name="e" as="map(*)"/>
    <xsl:result-document href="{$e?kind}/{encode-for-uri($e?id)}.html">
      <xsl:call-template name="f:page">
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="title" select="$e?label"/>
        <xsl:with-param name="parts-of" select="$f:entry-page"/>
        <xsl:with-param name="e" select="$e" tunnel="yes"/>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- The frame of an entry page as the template entry makes it, for the publisher's EntryPages: U+E000 in place of
       the entry's label in the title, and in place of the content U+E001, then the interface strings the content
       uses, each followed by U+E001. -->
  <xsl:template name="entry-frame">
    <xsl:call-template name="f:page">
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="title" select="'&#xE000;'"/>
      <xsl:with-param name="parts-of" select="$f:entry-frame-page"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:variable name="f:entry-frame-page" as="document-node()"><xsl:document/></xsl:variable>
  <xsl:template match="document-node()[. is $f:entry-frame-page]" mode="m:page-content" priority="1">
    <xsl:text>&#xE001;</xsl:text>
    <xsl:for-each select="'reg.spellings', 'reg.code', 'reg.mentions'">
      <xsl:sequence select="f:ui(.)"/><xsl:text>&#xE001;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- What the entry pages apply their content's template to (only they pass $parts-of in this stylesheet). -->
  <xsl:variable name="f:entry-page" as="document-node()"><xsl:document/></xsl:variable>
  <xsl:template match="/" mode="m:page-head"/>
  <xsl:template match="/" mode="m:page-content">
    <xsl:param name="e" as="map(*)" tunnel="yes"/>
    <xsl:variable name="id" select="$e?id"/>
    <h1 lang="zh"><xsl:value-of select="$e?label"/></h1>
    <xsl:if test="exists($e?entry)">
      <dl class="entry">
        <xsl:variable name="names" select="$e?entry/*[local-name() = ('persName', 'placeName', 'orgName', 'name', 'term')]"/>
        <xsl:if test="$names">
          <dt><xsl:sequence select="f:ui('reg.spellings')"/></dt>
          <xsl:for-each select="$names"><dd><xsl:sequence select="f:lang-attr(.)"/><xsl:value-of select="normalize-space(.)"/></dd></xsl:for-each>
        </xsl:if>
        <xsl:for-each select="$e?entry/idno">
          <dt><xsl:sequence select="f:ui('reg.code')"/><xsl:text> </xsl:text><xsl:value-of select="@type"/></dt>
          <dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
    <h2><xsl:sequence select="f:ui('reg.mentions')"/><xsl:text> (</xsl:text><xsl:value-of select="count($mentions-by-ref($id))"/>)</h2>
    <xsl:for-each-group select="$mentions-by-ref($id)" group-by="../@id">
      <section class="mentions">
        <h3><a href="../doc/{encode-for-uri(current-grouping-key())}.html" lang="{../@lang}"><xsl:value-of select="../@title"/></a>
          <xsl:if test="../@date != ''"><xsl:text> </xsl:text><span class="date"><xsl:value-of select="../@date"/></span></xsl:if></h3>
        <ul>
          <xsl:for-each select="current-group()">
            <li lang="{(@lang[. != ''], ../@script)[1]}">
              <xsl:choose>
                <xsl:when test="@block != ''"><a class="pnum" href="../doc/{encode-for-uri(../@id)}.html#{@block}">¶<xsl:value-of select="@n"/></a></xsl:when>
                <xsl:otherwise><a class="pnum" href="../doc/{encode-for-uri(../@id)}.html">¶</a></xsl:otherwise>
              </xsl:choose>
              <xsl:text> </xsl:text><xsl:value-of select="@before"/><mark><xsl:value-of select="@name"/></mark><xsl:value-of select="@after"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <!-- The encoding: every kind of intervention, with an example from the edition where there is one. -->
  <xsl:template name="about">
    <xsl:variable name="kinds" select="('surplus.jammer', 'surplus.converter-pinyin', 'surplus.other', 'sic', 'redaction', 'supplied', 'fw', 'del', 'note', 'g', 'damage')"/>
    <xsl:variable name="symbols" select="map{'surplus.jammer': '⊘', 'surplus.converter-pinyin': '⊘', 'surplus.other': '⊘', 'sic': '≠', 'redaction': '▨', 'supplied': '[ ]', 'fw': '⌂', 'del': '⊖', 'note': '※', 'g': '◇', 'damage': '〓'}"/>
    <xsl:result-document href="about.html">
      <xsl:call-template name="f:page">
        <xsl:with-param name="root" select="''"/>
        <xsl:with-param name="title" select="f:t('about.heading')"/>
        <xsl:with-param name="content" as="node()*">
          <h1><xsl:sequence select="f:ui('about.heading')"/></h1>
          <p><xsl:sequence select="f:ui('about.intro')"/></p>
          <table class="about">
            <thead><tr><th scope="col"><xsl:sequence select="f:ui('about.kind')"/></th><th scope="col"><xsl:sequence select="f:ui('about.example')"/></th></tr></thead>
            <tbody>
              <xsl:for-each select="$kinds">
                <xsl:variable name="k" select="."/>
                <xsl:variable name="ex" select="(for $d in $docs return $d/*:iv[@kind = $k])[1]"/>
                <tr id="iv-{translate($k, '.', '-')}">
                  <th scope="row"><span class="sym" aria-hidden="true"><xsl:value-of select="$symbols($k)"/></span><xsl:text> </xsl:text>
                    <xsl:sequence select="f:ui('iv.' || (if ($k = 'g') then 'g' else $k))"/></th>
                  <td>
                    <xsl:choose>
                      <xsl:when test="$ex">
                        <span class="example iv-{substring-before($k || '.', '.')}" lang="{($ex/@lang[. != ''], $ex/../@script)[1]}"><xsl:value-of select="$ex/@text"/></span>
                        <xsl:if test="$ex/@corr != ''"> → <span lang="{($ex/@lang[. != ''], $ex/../@script)[1]}"><xsl:value-of select="$ex/@corr"/></span></xsl:if>
                        <xsl:text> — </xsl:text>
                        <a href="doc/{encode-for-uri($ex/../@id)}.html#{if ($ex/@block != '') then $ex/@block || '&amp;' else ''}view=dipl" lang="{$ex/../@lang}"><xsl:value-of select="$ex/../@title"/></a>
                        <xsl:text> (</xsl:text><xsl:value-of select="sum($docs/*:iv[@kind = $k]/@count)"/>)
                      </xsl:when>
                      <xsl:otherwise><xsl:sequence select="f:ui('about.none')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <!-- The search page shell; assets/search.js (the search code) reads ?q= and fills the results. -->
  <xsl:template name="search">
    <xsl:result-document href="search.html">
      <xsl:call-template name="f:page">
        <xsl:with-param name="root" select="''"/>
        <xsl:with-param name="title" select="f:t('search.heading')"/>
        <xsl:with-param name="scripts" select="'assets/search.js'"/>
        <xsl:with-param name="content" as="node()*">
          <h1><xsl:sequence select="f:ui('search.heading')"/></h1>
          <form role="search" action="search.html" method="get">
            <label for="q"><xsl:sequence select="f:ui('search.label')"/></label><xsl:text> </xsl:text>
            <input type="search" name="q" id="q" lang="zh"/><xsl:text> </xsl:text>
            <button type="submit"><xsl:sequence select="f:ui('search.submit')"/></button>
          </form>
          <noscript><p><xsl:sequence select="f:ui('search.nojs')"/></p></noscript>
          <div id="search-status" role="status" aria-live="polite"></div>
          <div id="search-facets"></div>
          <ol id="search-results"></ol>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="sitemap">
    <xsl:variable name="base" select="(($edition/*/teiHeader[1]/fileDesc/publicationStmt/idno[@type = 'URI'])[1]/normalize-space()[matches(., '^https?://')], '')[1]"/>
    <xsl:variable name="b" select="if ($base = '' or ends-with($base, '/')) then $base else $base || '/'"/>
    <xsl:result-document href="sitemap.xml" method="xml" indent="yes">
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <xsl:for-each select="('index.html', 'documents.html', 'about.html', 'search.html', ($kinds ! ($index-page(.) || '.html')))">
          <url><loc><xsl:value-of select="$b || ."/></loc></url>
        </xsl:for-each>
        <xsl:for-each select="$docs">
          <url><loc><xsl:value-of select="(@canonical[. != ''], $b || 'doc/' || encode-for-uri(@id) || '.html')[1]"/></loc></url>
        </xsl:for-each>
        <xsl:for-each select="$entries">
          <url><loc><xsl:value-of select="$b || f:entity-href(?kind, ?id)"/></loc></url>
        </xsl:for-each>
      </urlset>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
