<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → XSL-FO for Apache FOP: one document's PDF ($whole false) or the whole edition's ($whole true: title page with
  the edition's statement and licence, contents with page numbers, every document, index). Both have bookmarks per
  document and section, running heads, the site's paragraph numbers, interventions as footnotes, each document's
  metadata and the index of persons, places and organisations. Tagged for PDF/UA: roles on blocks, xml:lang on every
  run whose language differs from its parent's, the title in the XMP metadata, running heads as artifacts.
  Entry point: the named template main.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:x="adobe:ns:meta/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:p="urn:x-jiaokan:pdf"
    xmlns:layout="urn:x-jiaokan:layout" xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:import href="params.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="metadata.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="document.xsl"/>
  <xsl:include href="index.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="p:edition-title" as="xs:string" select="if (f:edition-title() != '') then f:edition-title() else f:t('site.name')"/>
  <xsl:variable name="p:edition-title-lang" as="xs:string" select="if (f:edition-title() != '') then (f:lang(($edition/*/teiHeader[1]/fileDesc/titleStmt/title)[1]), 'en')[1] else 'zh-Hans'"/>

  <xsl:template name="main">
    <xsl:variable name="title" select="if ($whole) then $p:edition-title || (if ($volumes gt 1) then ' · ' || p:volume-label() else '') else p:title($docs[1])"/>
    <xsl:variable name="title-lang" select="if ($whole) then $p:edition-title-lang else p:title-lang($docs[1])"/>
    <xsl:variable name="lang" select="if ($whole or empty($docs)) then 'zh-Hans' else p:doc-lang($docs[1])"/>
    <fo:root xml:lang="{$lang}" font-family="{$serif}" font-size="{$p:body-size}" line-height="{$p:leading}">
      <xsl:call-template name="p:layout"/>
      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title><rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="$title"/></rdf:li></rdf:Alt></dc:title>
              <xsl:variable name="creators" select="if ($whole) then ($edition/*/teiHeader[1]/fileDesc/titleStmt/editor, $edition/*/teiHeader[1]/fileDesc/publicationStmt/publisher)/normalize-space()[. != '']
                  else f:header($docs[1])?authors"/>
              <xsl:if test="exists($creators)">
                <dc:creator><rdf:Seq><xsl:for-each select="distinct-values($creators)"><rdf:li><xsl:value-of select="."/></rdf:li></xsl:for-each></rdf:Seq></dc:creator>
              </xsl:if>
              <dc:language><rdf:Bag><xsl:for-each select="distinct-values(($lang, $docs ! p:doc-lang(.)))"><rdf:li><xsl:value-of select="."/></rdf:li></xsl:for-each></rdf:Bag></dc:language>
              <xsl:for-each select="($edition/*/teiHeader[1]/fileDesc/publicationStmt/availability/licence, $docs[1]/*/teiHeader/fileDesc/publicationStmt/availability/licence)[normalize-space()][1]">
                <dc:rights><rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="normalize-space(.) || (if (@target) then ' &lt;' || @target || '&gt;' else '')"/></rdf:li></rdf:Alt></dc:rights>
              </xsl:for-each>
              <xsl:if test="not($whole)">
                <xsl:for-each select="f:canonical($docs[1])[. != '']"><dc:identifier><xsl:value-of select="."/></dc:identifier></xsl:for-each>
              </xsl:if>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:bookmark-tree>
        <xsl:if test="$whole">
          <fo:bookmark internal-destination="jk-title"><fo:bookmark-title><xsl:value-of select="$p:edition-title"/></fo:bookmark-title></fo:bookmark>
          <fo:bookmark internal-destination="jk-contents"><fo:bookmark-title><xsl:value-of select="f:t('pdf.contents')"/></fo:bookmark-title></fo:bookmark>
        </xsl:if>
        <xsl:for-each select="$docs">
          <xsl:call-template name="p:doc-bookmark"><xsl:with-param name="doc" select="."/></xsl:call-template>
        </xsl:for-each>
        <xsl:if test="exists($p:mentions)">
          <fo:bookmark internal-destination="jk-index"><fo:bookmark-title><xsl:value-of select="f:t('pdf.index')"/></fo:bookmark-title></fo:bookmark>
        </xsl:if>
      </fo:bookmark-tree>
      <xsl:if test="$whole">
        <xsl:call-template name="p:title-page"/>
        <xsl:call-template name="p:contents"/>
      </xsl:if>
      <xsl:for-each select="$docs">
        <xsl:call-template name="p:document">
          <xsl:with-param name="doc" select="."/>
          <xsl:with-param name="first" select="position() = 1"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="p:index"/>
    </fo:root>
  </xsl:template>

  <!-- The edition's title page: title, edition statement, editors and publisher, date, licence, description. -->
  <xsl:template name="p:title-page">
    <xsl:variable name="fd" select="$edition/*/teiHeader[1]/fileDesc"/>
    <fo:page-sequence master-reference="title" font-family="{$serif}" format="i" hyphenate="false" language="zh" country="CN">
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="jk-title" role="Sect">
          <fo:block font-family="{$sans}" font-size="22pt" line-height="1.35" space-before="40mm" space-after="10mm" role="H1" xml:lang="{$p:edition-title-lang}">
            <xsl:value-of select="$p:edition-title"/>
          </fo:block>
          <xsl:if test="$volumes gt 1">
            <fo:block font-family="{$sans}" font-size="14pt" space-after="8mm" role="P" xml:lang="zh-Hans"><xsl:value-of select="p:volume-label()"/></fo:block>
          </xsl:if>
          <xsl:for-each select="$fd/editionStmt/edition[normalize-space()]">
            <fo:block font-size="12pt" space-after="4mm"><xsl:sequence select="p:lang-attrs(f:lang(.))"/><xsl:value-of select="normalize-space(.)"/></fo:block>
          </xsl:for-each>
          <xsl:for-each select="$fd/titleStmt/(editor | author)[normalize-space()], $fd/publicationStmt/publisher[normalize-space()]">
            <fo:block font-size="11pt"><xsl:sequence select="p:lang-attrs(f:lang(.))"/><xsl:value-of select="normalize-space(.)"/></fo:block>
          </xsl:for-each>
          <xsl:for-each select="$fd/publicationStmt/date[1]">
            <fo:block font-size="11pt" space-before="2mm"><xsl:value-of select="(@when, normalize-space(.))[. != ''][1]"/></fo:block>
          </xsl:for-each>
          <fo:block space-before="50mm" font-size="9pt" line-height="1.6" border-top="0.4pt solid #8c8c8c" padding-top="3mm">
            <xsl:for-each select="$fd/sourceDesc/p[normalize-space()]">
              <fo:block space-after="2mm" role="P"><xsl:sequence select="p:lang-attrs(f:lang(.))"/><xsl:value-of select="normalize-space(.)"/></fo:block>
            </xsl:for-each>
            <xsl:for-each select="$fd/publicationStmt/availability/licence[normalize-space()]">
              <fo:block space-after="2mm" role="P">
                <fo:inline font-family="{$sans}" xml:lang="zh-Hans"><xsl:value-of select="f:t('footer.licence')"/></fo:inline>
                <xsl:text> </xsl:text>
                <fo:inline><xsl:sequence select="p:lang-attrs(f:lang(.))"/><xsl:value-of select="normalize-space(.)"/></fo:inline>
                <xsl:for-each select="f:safe-url(@target)[matches(., '^https?://')]">
                  <xsl:text> </xsl:text>
                  <fo:basic-link external-destination="url('{replace(., '[''()\\]', '')}')" fox:alt-text="{.}" xml:lang="en" color="#1a4d80"><xsl:value-of select="p:breakable(.)"/></fo:basic-link>
                </xsl:for-each>
              </fo:block>
            </xsl:for-each>
            <xsl:for-each select="$fd/publicationStmt/idno[@type = 'URI'][f:safe-url(.)[matches(., '^https?://')]]">
              <fo:block role="P" xml:lang="en"><xsl:value-of select="p:breakable(normalize-space(.))"/></fo:block>
            </xsl:for-each>
          </fo:block>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- Contents: each document and its sections, with page numbers. The numbers are the ones each document's own PDF
       gives, moved by the documents before it (layout:predicted, checked by FOP's layout); where there is none, FOP's
       citation, which holds the pages back until the page cited is laid out. -->
  <xsl:template name="p:contents">
    <fo:page-sequence master-reference="page" format="i" hyphenate="false" language="zh" country="CN" font-family="{$serif}">
      <xsl:call-template name="p:static"><xsl:with-param name="head" select="$p:edition-title"/><xsl:with-param name="head-lang" select="$p:edition-title-lang"/></xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="jk-contents" role="Sect">
          <fo:block font-family="{$sans}" font-size="16pt" space-after="6mm" role="H1"><xsl:value-of select="f:t('pdf.contents')"/></fo:block>
          <fo:block role="TOC">
          <xsl:for-each select="$docs">
            <xsl:call-template name="p:toc-line">
              <xsl:with-param name="to" select="p:key(.)"/>
              <xsl:with-param name="text" select="p:title(.)"/>
              <xsl:with-param name="lang" select="p:title-lang(.)"/>
              <xsl:with-param name="level" select="1"/>
            </xsl:call-template>
            <xsl:variable name="doc-lang" select="p:doc-lang(.)"/>
            <xsl:for-each select="p:sections(.)">
              <xsl:call-template name="p:toc-line">
                <xsl:with-param name="to" select="p:id(.)"/>
                <xsl:with-param name="text" select="normalize-space(string-join(.//text()[not(ancestor::note or ancestor::surplus or ancestor::fw or ancestor::del or ancestor::sic or ancestor::orig or ancestor::abbr)], ''))"/>
                <xsl:with-param name="lang" select="(f:lang(.), $doc-lang)[1]"/>
                <xsl:with-param name="level" select="2"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:for-each>
          <xsl:if test="exists($p:mentions)">
            <xsl:call-template name="p:toc-line">
              <xsl:with-param name="to" select="'jk-index'"/>
              <xsl:with-param name="text" select="f:t('pdf.index')"/>
              <xsl:with-param name="lang" select="'zh-Hans'"/>
              <xsl:with-param name="level" select="1"/>
            </xsl:call-template>
          </xsl:if>
          </fo:block>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- The volume of an edition printed in several: 第 2 卷（共 25 卷）. -->
  <xsl:function name="p:volume-label" as="xs:string">
    <xsl:sequence select="'第 ' || $volume || ' 卷（共 ' || $volumes || ' 卷）'"/>
  </xsl:function>

  <xsl:template name="p:toc-line">
    <xsl:param name="to" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="level" as="xs:integer"/>
    <fo:block role="TOCI" text-align-last="justify" start-indent="{($level - 1) * 2}em" end-indent="3em" last-line-end-indent="-3em"
        font-size="{if ($level = 1) then '10.5pt' else '9.5pt'}" space-before="{if ($level = 1) then '2mm' else '0.5mm'}" line-height="1.6">
      <xsl:if test="$level = 1"><xsl:attribute name="font-family" select="$sans"/></xsl:if>
      <fo:inline xml:lang="{$lang}"><xsl:value-of select="$text"/></fo:inline>
      <fo:leader leader-pattern="dots" leader-pattern-width="4pt"/>
      <xsl:variable name="n" select="layout:predicted($to)"/>
      <xsl:choose>
        <xsl:when test="$n != ''"><xsl:value-of select="$n"/></xsl:when>
        <xsl:otherwise><fo:page-number-citation ref-id="{$to}"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
