<?xml version="1.0" encoding="UTF-8"?>
<!-- One document: its page sequence (running head: its title), title, metadata block and text; its bookmarks and contents lines. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:p="urn:x-jiaokan:pdf"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- The title of a document (the site's, from the header), else its identifier. -->
  <xsl:function name="p:title" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="t" select="f:header($doc)?title"/>
    <xsl:sequence select="if ($t != '') then $t else $docids[p:position($doc)]"/>
  </xsl:function>

  <xsl:function name="p:title-lang" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="(f:header($doc)?title-el ! f:lang(.), p:doc-lang($doc))[1]"/>
  </xsl:function>

  <!-- The headings of a document's sections, for the contents and the bookmarks. -->
  <xsl:function name="p:sections" as="element()*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/*/text//(div | div1 | div2 | div3)/head[1])[normalize-space()][position() le 200]"/>
  </xsl:function>

  <xsl:template name="p:document">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="first" as="xs:boolean"/>
    <xsl:variable name="key" select="p:key($doc)"/>
    <xsl:variable name="h" select="f:header($doc)"/>
    <xsl:variable name="lang" select="p:doc-lang($doc)"/>
    <fo:page-sequence master-reference="page" xml:lang="{$lang}" font-family="{$serif}" font-size="{$p:body-size}"
        line-height="{$p:leading}" hyphenate="false" language="{substring-before($lang || '-', '-')}" country="{if ($lang = ('zh-Hant', 'zh-TW', 'zh-HK')) then 'TW' else 'CN'}">
      <xsl:if test="$first"><xsl:attribute name="initial-page-number" select="1"/></xsl:if>
      <xsl:call-template name="p:static">
        <xsl:with-param name="head" select="p:title($doc)"/>
        <xsl:with-param name="head-lang" select="p:title-lang($doc)"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="{$key}" role="Sect">
          <fo:block font-family="{$sans}" font-size="16pt" line-height="1.45" space-after="4mm" role="H1" keep-with-next.within-page="always"
              xml:lang="{p:title-lang($doc)}">
            <xsl:value-of select="p:title($doc)"/>
          </fo:block>
          <xsl:call-template name="p:metadata">
            <xsl:with-param name="h" select="$h"/>
            <xsl:with-param name="canonical" select="f:canonical($doc)"/>
          </xsl:call-template>
          <fo:block>
            <xsl:apply-templates select="($doc/*/text, $doc/*[not(self::TEI or self::teiCorpus)])" mode="p:fo">
              <xsl:with-param name="pn" tunnel="yes" select="p:pnums($doc)"/>
              <xsl:with-param name="nn" tunnel="yes" select="p:note-numbers($doc)"/>
            </xsl:apply-templates>
            <xsl:for-each select="$doc/teiCorpus/TEI">
              <xsl:apply-templates select="text" mode="p:fo">
                <xsl:with-param name="pn" tunnel="yes" select="p:pnums($doc)"/>
                <xsl:with-param name="nn" tunnel="yes" select="p:note-numbers($doc)"/>
              </xsl:apply-templates>
            </xsl:for-each>
          </fo:block>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- Bookmarks: the document, and each section under it. -->
  <xsl:template name="p:doc-bookmark">
    <xsl:param name="doc" as="document-node()"/>
    <fo:bookmark internal-destination="{p:key($doc)}" starting-state="show">
      <fo:bookmark-title><xsl:value-of select="p:title($doc)"/></fo:bookmark-title>
      <xsl:for-each select="p:sections($doc)">
        <fo:bookmark internal-destination="{p:id(.)}">
          <fo:bookmark-title><xsl:value-of select="normalize-space(string-join(.//text()[not(ancestor::note or ancestor::surplus or ancestor::fw or ancestor::del or ancestor::sic or ancestor::orig or ancestor::abbr)], ''))"/></fo:bookmark-title>
        </fo:bookmark>
      </xsl:for-each>
    </fo:bookmark>
  </xsl:template>
</xsl:stylesheet>
