<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the print stylesheets share: the site's helpers (interface strings, register look-ups, the header's facts),
  the page geometry and type, ids and numbers. Paragraph numbers are the site's (html/text.xsl): every element with
  an xml:id that is a block of text, in document order, so that ¶N in the PDF is ¶N at doc/DOCID.html#ID.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:p="urn:x-jiaokan:pdf"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:include href="../html/common.xsl"/>
  <xsl:include href="../html/header.xsl"/>

  <!-- ===== type ===== -->
  <xsl:variable name="p:body-size" select="'10.5pt'"/>
  <xsl:variable name="p:leading" select="'1.75'"/>
  <xsl:variable name="p:small" select="'8pt'"/>
  <xsl:variable name="p:muted" select="'#595959'"/>

  <!-- A4, inner margin wider; the running head above the text, the page number below. -->
  <xsl:template name="p:layout">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="title" page-width="210mm" page-height="297mm" margin="30mm 25mm 25mm 25mm">
        <fo:region-body/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm" margin="14mm 22mm 12mm 24mm">
        <fo:region-body margin-top="12mm" margin-bottom="12mm"/>
        <fo:region-before extent="9mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="index" page-width="210mm" page-height="297mm" margin="14mm 22mm 12mm 24mm">
        <fo:region-body margin-top="12mm" margin-bottom="12mm" column-count="2" column-gap="10mm"/>
        <fo:region-before extent="9mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- The running head (a title) and the page number: artifacts, not content. -->
  <xsl:template name="p:static">
    <xsl:param name="head" as="xs:string"/>
    <xsl:param name="head-lang" as="xs:string?" select="()"/>
    <fo:static-content flow-name="xsl-region-before" role="artifact">
      <fo:block font-family="{$sans}" font-size="7.5pt" line-height="1.3" color="{$p:muted}" text-align="center"
          border-bottom="0.4pt solid #8c8c8c" padding-bottom="1mm">
        <xsl:if test="exists($head-lang)"><xsl:attribute name="xml:lang" select="$head-lang"/></xsl:if>
        <xsl:value-of select="$head"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-region-after" role="artifact">
      <fo:block font-family="{$sans}" font-size="8pt" text-align="center" padding-top="2mm"><fo:page-number/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-footnote-separator" role="artifact">
      <fo:block space-before="2mm"><fo:leader leader-pattern="rule" leader-length="35%" rule-thickness="0.4pt" color="#8c8c8c"/></fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ===== language ===== -->

  <!-- The BCP 47 tag of a document's text: its xml:lang, else the script the site found, else zh-Hans. -->
  <xsl:function name="p:doc-lang" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="l" select="f:lang(($doc/*/text, $doc/*)[1])"/>
    <xsl:sequence select="
      if (exists($l) and not($l = ('zh', 'und'))) then $l
      else if (matches(string-join(($doc/*/text//text())[position() le 200], ''), '[這個們會來時說為國對於發與]')) then 'zh-Hant'
      else 'zh-Hans'"/>
  </xsl:function>

  <!-- xml:lang for an element that has its own, and the hyphenation country FOP uses for line breaking. -->
  <xsl:function name="p:lang-attrs" as="attribute()*">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:if test="exists($lang)">
      <xsl:attribute name="xml:lang" select="$lang"/>
    </xsl:if>
  </xsl:function>

  <xsl:function name="p:own-lang" as="attribute()*">
    <xsl:param name="e" as="element()"/>
    <xsl:if test="$e/@xml:lang">
      <xsl:sequence select="p:lang-attrs(f:lang($e))"/>
    </xsl:if>
  </xsl:function>

  <!-- ===== ids ===== -->

  <!-- Each document's position in $docs, by node identity, computed once (an edition may hold thousands). -->
  <xsl:variable name="p:positions" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($docs) return map:entry(generate-id($docs[$i]), $i), map{'duplicates': 'use-first'})"/>

  <!-- The position of a document in $docs. -->
  <xsl:function name="p:position" as="xs:integer?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$p:positions(generate-id($doc))"/>
  </xsl:function>

  <!-- The document's key in this PDF: d1, d2, … (ids of different documents may clash). -->
  <xsl:function name="p:key" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="'d' || p:position($doc)"/>
  </xsl:function>

  <!-- An element's id in the FO: the document key and its xml:id (first with that id only), else its node id. -->
  <xsl:function name="p:id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if (p:has-site-id($e)) then p:key(root($e)) || '.' || $e/@xml:id
      else p:key(root($e)) || '.n' || replace(generate-id($e), '^d[0-9]+', '')"/>
  </xsl:function>

  <!-- Whether the site's page carries this element's xml:id (f:html-id in html/text.xsl). -->
  <xsl:function name="p:has-site-id" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/@xml:id) and not(matches($e/@xml:id, '\s|^jk--')) and (key('f:reg-id', string($e/@xml:id), root($e))[1] is $e)"/>
  </xsl:function>

  <!-- The site's paragraph numbers of one document: node id → N. -->
  <xsl:function name="p:pnums" as="map(xs:string, xs:integer)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:map>
      <xsl:for-each select="($doc//text, $doc/*[not(self::TEI or self::teiCorpus)])//*[@xml:id][local-name() = $f:leaf-blocks or self::item]">
        <xsl:map-entry key="generate-id(.)" select="position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:function>

  <!-- A reference inside the PDF. Not a link: FOP 2.11 gives an internal link no Contents, which PDF/UA requires
       (7.18.5); readers go by the bookmarks and the page numbers. -->
  <xsl:template name="p:link">
    <xsl:param name="to" as="xs:string"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <fo:inline><xsl:sequence select="$content"/></fo:inline>
  </xsl:template>

  <!-- Break opportunities in a long unbroken string (a URL): a zero-width space after / . - _ ? &amp; =. -->
  <xsl:function name="p:breakable" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '([/.\-_?&amp;=])', '$1&#x200B;')"/>
  </xsl:function>
</xsl:stylesheet>
