<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions and the page frame shared by every page: interface strings, safe links, register lookups. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:m="urn:x-jiaokan:modes" xmlns:jk="urn:x-jiaokan:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- Elements holding a line of text: each is one numbered block when it has an xml:id. Static: made once when
       the stylesheet is compiled, not in every transformation (a module using them includes this one first). -->
  <xsl:variable name="f:leaf-blocks" static="yes" as="xs:string*" select="('p', 'ab', 'head', 'item', 'fw', 'byline', 'dateline',
      'salute', 'signed', 'titlePart', 'trailer', 'docAuthor', 'docImprint', 'docDate', 'docEdition', 'l', 'speaker',
      'stage', 'label', 'caption', 'bibl', 'cell', 'quote', 'q', 'argument', 'epigraph', 'postscript', 'address', 'seg')"/>
  <xsl:variable name="f:leaf-block-set" static="yes" as="map(xs:string, xs:boolean)" select="map:merge($f:leaf-blocks ! map{.: true()})"/>
  <xsl:key name="f:string" match="*:s" use="@k"/>
  <xsl:key name="f:reg-id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- The zh-Hans text of an interface string (the key itself when missing, so a gap shows). -->
  <xsl:function name="f:t" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="(key('f:string', $key, $ui)[1]/string(), $key)[1]"/>
  </xsl:function>

  <!-- An interface string as a span the language switch can replace. -->
  <xsl:function name="f:ui" as="element()">
    <xsl:param name="key" as="xs:string"/>
    <!-- one lookup of the span made for the run; made here only for a key it lacks -->
    <xsl:sequence select="($ui-spans($key), f:ui-span($key))[1]"/>
  </xsl:function>
  <xsl:function name="f:ui-span" as="element()">
    <xsl:param name="key" as="xs:string"/>
    <span data-i18n="{$key}"><xsl:value-of select="f:t($key)"/></span>
  </xsl:function>

  <!-- A link target from a source attribute: http(s), mailto or a relative path; anything else is no link. -->
  <xsl:function name="f:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="
      if ($u = '') then ()
      else if (matches($u, '[\p{Cc}\s&lt;&gt;&quot;\\]')) then ()
      else if (matches($u, '^(https?://|mailto:)', 'i')) then $u
      else if (matches($u, '^[^:/?#]*:')) then ()
      else if (starts-with($u, '//')) then ()
      else $u"/>
  </xsl:function>

  <!-- The register id a name points at (@ref's fragment, else @key), if it can name a page. -->
  <xsl:function name="f:entity-id" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="ref" select="normalize-space(($e/@ref, $e/@key)[1])"/>
    <xsl:variable name="id" select="
      if (not($e/@ref or $e/@key) and local-name($e) = 'term') then 'term-' || jk:convert(normalize-space($e), 'zh-Hans')
      else if (not($e/@ref)) then $ref
      else if (starts-with($ref, '#')) then substring($ref, 2)
      else if (matches($ref, '^[a-zA-Z][a-zA-Z0-9+.-]*:')) then ''
      else if (contains($ref, '#')) then substring-after($ref, '#')
      else ''"/>
    <!-- $id[matches(., '^[\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,149}$')], without the regular expression's cost -->
    <xsl:sequence select="jk:page-id($id)"/>
  </xsl:function>

  <!-- person, place, org or term: from the register entry, else from the element's name or type. -->
  <xsl:function name="f:entity-kind" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="entry" select="f:register-entry($id)"/>
    <xsl:sequence select="
      if ($entry) then f:kind-of-entry($entry)
      else if (local-name($e) = 'persName') then 'person'
      else if (local-name($e) = 'placeName') then 'place'
      else if (local-name($e) = 'orgName') then 'org'
      else if (local-name($e) = 'term') then 'term'
      else if (local-name($e) = ('name', 'rs') and $e/@type = ('person', 'place', 'org')) then string($e/@type)
      else ()"/>
  </xsl:function>

  <xsl:function name="f:kind-of-entry" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="
      if (local-name($entry) = ('person', 'personGrp')) then 'person'
      else if (local-name($entry) = 'place') then 'place'
      else if (local-name($entry) = 'org') then 'org'
      else 'term'"/>
  </xsl:function>

  <xsl:function name="f:register-entry" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (exists($registers)) then key('f:reg-id', $id, $registers)[self::person or self::place or self::org or self::personGrp or self::item or self::category or self::entry][1] else ()"/>
  </xsl:function>

  <!-- The page of a register entry, relative to the site root. -->
  <xsl:function name="f:entity-href" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="$kind || '/' || encode-for-uri($id) || '.html'"/>
  </xsl:function>

  <!-- The edition's title, from edition.xml or the registers' header. -->
  <xsl:function name="f:edition-title" as="xs:string">
    <xsl:sequence select="$f:edition-title"/>
  </xsl:function>
  <!-- Found once per transformation: every page's title, header and footer ask for it.
       $edition/*/teiHeader[1], here and in every module: edition.xml's other children are the documents' xi:includes
       (one per document, thousands of them), which a step without [1] would look through on every page. -->
  <xsl:variable name="f:edition-title" as="xs:string" select="(normalize-space(($edition/*/teiHeader[1]/fileDesc/titleStmt/title)[1])[. != ''], '')[1]"/>

  <!-- The footer's licences, each with its link when it has a safe http(s) one: checked once per transformation, not on
       every page. -->
  <xsl:variable name="f:licences" as="map(*)*" select="
    for $l in $edition/*/teiHeader[1]/fileDesc/publicationStmt/availability/licence[1]
    return map{'el': $l, 'url': f:safe-url($l/@target)[matches(., '^https?:')]}"/>

  <!-- Labels of certainty. -->
  <xsl:function name="f:cert" as="element()?">
    <xsl:param name="cert" as="attribute()?"/>
    <xsl:sequence select="if (exists($cert)) then $f:cert-labels(string($cert)) else ()"/>
  </xsl:function>
  <!-- Made once per transformation: every marker of an intervention asks for one. -->
  <xsl:variable name="f:cert-labels" as="map(xs:string, element())">
    <xsl:map>
      <xsl:for-each select="'high', 'medium', 'low'">
        <xsl:map-entry key="."><span class="cert"><xsl:sequence select="f:ui('cert.label')"/><xsl:sequence select="f:ui('cert.' || .)"/></span></xsl:map-entry>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- A BCP 47 tag from xml:lang, or () when there is none. -->
  <xsl:function name="f:lang" as="xs:string?">
    <xsl:param name="n" as="node()"/>
    <!-- the usual tags first: a regular expression costs microseconds, and this is asked for every block and name -->
    <xsl:sequence select="($n/ancestor-or-self::*/@xml:lang)[last()]/string()[. = ('zh-Hans', 'zh-Hant', 'zh', 'en') or matches(., '^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$')]"/>
  </xsl:function>

  <!-- lang="…" for an element with xml:lang (the target script on a converted page). -->
  <xsl:function name="f:lang-attr" as="attribute()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="l" select="f:lang($e)"/>
    <xsl:if test="$e/@xml:lang and exists($l)">
      <xsl:attribute name="lang" select="if ($convert-to != '' and starts-with($l, 'zh')) then $convert-to else $l"/>
      <xsl:if test="$twin != '' and $twin != $l and starts-with($l, 'zh')"><xsl:attribute name="jk-twin-lang" select="$twin"/></xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- lang="…" from the nearest xml:lang of an element (or nothing), for text taken from a header. -->
  <xsl:function name="f:lang-inherit" as="attribute()?">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="l" select="$e ! f:lang(.)"/>
    <xsl:if test="exists($l)"><xsl:attribute name="lang" select="$l"/></xsl:if>
  </xsl:function>

  <!-- The frame of every page: head, skip link, navigation, footer, scripts. -->
  <xsl:template name="f:page">
    <xsl:param name="root" as="xs:string"/>   <!-- '' or '../' -->
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="title-lang" as="xs:string?" select="()"/>
    <xsl:param name="head" as="node()*" select="()"/>
    <xsl:param name="body-class" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <!-- Or, instead of $head and $content, a node whose templates in modes m:page-head and m:page-content write
         them straight into the page (no temporary tree to build and copy). -->
    <xsl:param name="parts-of" as="node()?" select="()"/>
    <html lang="zh-Hans">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="string-join(($title[. != ''], f:edition-title()[. != '']), ' · ')"/></title>
        <xsl:sequence select="$head"/>
        <xsl:apply-templates select="$parts-of" mode="m:page-head"/>
        <link rel="stylesheet" href="{$root}assets/jiaokan.css"/>
        <!-- Applied before first paint: the reading (view=dipl in the URL's hash) and the interface language. -->
        <script>(function(){var d=document.documentElement;d.classList.add('js');if(/(^#|&amp;)view=dipl(&amp;|$)/.test(location.hash))d.classList.add('jk-dipl');try{if(localStorage.getItem('jk-ui')==='en')d.classList.add('jk-en');}catch(e){}})();</script>
        <script src="{$root}assets/i18n-zh-Hans.js" defer=""></script>
        <script src="{$root}assets/i18n-en.js" defer=""></script>
        <script src="{$root}assets/jiaokan.js" defer=""></script>
      </head>
      <body class="{normalize-space('jk ' || $body-class)}">
        <a class="skip" href="#jk--main"><xsl:sequence select="f:ui('nav.skip')"/></a>
        <header class="site-header">
          <p class="site-name"><a href="{$root}index.html">
            <xsl:sequence select="f:lang-inherit(($edition/*/teiHeader[1]/fileDesc/titleStmt/title)[1])"/>
            <xsl:choose>
              <xsl:when test="f:edition-title() != ''"><xsl:value-of select="f:edition-title()"/></xsl:when>
              <xsl:otherwise><xsl:sequence select="f:ui('site.name')"/></xsl:otherwise>
            </xsl:choose>
          </a></p>
          <nav aria-label="{f:t('nav.label')}" data-i18n-aria-label="nav.label">
            <ul>
              <xsl:for-each select="('index:nav.home', 'documents:nav.documents', 'persons:nav.persons', 'places:nav.places', 'orgs:nav.orgs', 'terms:nav.terms', 'about:nav.about', 'search:nav.search')">
                <li><a href="{$root}{substring-before(., ':')}.html"><xsl:sequence select="f:ui(substring-after(., ':'))"/></a></li>
              </xsl:for-each>
            </ul>
          </nav>
          <button type="button" class="ui-switch" hidden="" data-i18n-title="ui.switch.label" title="{f:t('ui.switch.label')}"><xsl:sequence select="f:ui('ui.switch')"/></button>
        </header>
        <main id="jk--main">
          <xsl:sequence select="$content"/>
          <xsl:apply-templates select="$parts-of" mode="m:page-content"/>
        </main>
        <footer class="site-footer">
          <xsl:variable name="pub" select="$edition/*/teiHeader[1]/fileDesc"/>
          <p>
            <xsl:if test="$pub/editionStmt/edition/@n">
              <xsl:sequence select="f:ui('footer.version')"/><xsl:text> </xsl:text><xsl:value-of select="$pub/editionStmt/edition/@n"/><xsl:text> · </xsl:text>
            </xsl:if>
            <xsl:if test="$pub/publicationStmt/date">
              <xsl:sequence select="f:ui('footer.released')"/><xsl:text> </xsl:text><xsl:value-of select="($pub/publicationStmt/date/@when, $pub/publicationStmt/date)[1]"/><xsl:text> · </xsl:text>
            </xsl:if>
            <xsl:for-each select="$f:licences">
              <xsl:sequence select="f:ui('footer.licence')"/><xsl:text> </xsl:text>
              <xsl:choose>
                <xsl:when test="exists(?url)"><a href="{?url}" lang="en"><xsl:value-of select="normalize-space(?el)"/></a></xsl:when>
                <xsl:otherwise><span lang="en"><xsl:value-of select="normalize-space(?el)"/></span></xsl:otherwise>
              </xsl:choose>
              <xsl:text> · </xsl:text>
            </xsl:for-each>
            <xsl:sequence select="f:ui('footer.made')"/>
          </p>
        </footer>
        <xsl:for-each select="$scripts"><script src="{$root}{.}"></script></xsl:for-each>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
