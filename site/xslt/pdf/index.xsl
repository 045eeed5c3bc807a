<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index of persons, places and organisations: every name in the text that points at a register entry, under the
  entry's name, with the pages it is on. FOP has no fo:index-page-citation-list, and fo:page-number-citation cannot
  merge repeated pages: the index stands last, and layout:page(ID) (Java, PageLookup) asks FOP on which page each
  mention fell, which it knows by then, since FOP lays out each page sequence as soon as it has been written. Repeated
  pages are merged and runs of pages joined (3–5).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:p="urn:x-jiaokan:pdf"
    xmlns:layout="urn:x-jiaokan:layout" xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:variable name="p:collation" select="'http://www.w3.org/2013/collation/UCA?lang=zh;fallback=yes'"/>

  <!-- Every mention that the text shows with an id (not inside what the regularised reading leaves out, nor a note). -->
  <!-- Every name in the texts that points at a register entry; those the layout did not show (left out of the
       regularised reading, quoted in a note) have no page and drop out. -->
  <xsl:variable name="p:mentions" as="element()*" select="
      $docs/(*/text, *[not(self::TEI or self::teiCorpus)], teiCorpus/TEI/text)//(persName | placeName | orgName | name | rs)
        [not(ancestor::teiHeader)][exists(p:index-kind(.))]"/>

  <xsl:template name="p:index">
    <xsl:call-template name="p:index-entries"/>
  </xsl:template>

  <xsl:template name="p:index-entries">
    <xsl:variable name="entries" as="element(p:entry)*">
      <xsl:for-each-group select="$p:mentions" group-by="f:entity-id(.)">
        <xsl:variable name="entry" select="f:register-entry(current-grouping-key())"/>
        <xsl:variable name="found" select="current-group()[layout:page(p:mention-id(.)) != '']"/>
        <xsl:if test="exists($found)">
          <p:entry kind="{p:index-kind(.)}" id="{current-grouping-key()}">
            <xsl:variable name="forms" select="$entry/(persName | placeName | orgName | name)[normalize-space()]"/>
            <xsl:variable name="main" select="($forms[@xml:lang = 'zh-Hans'], $forms)[1]"/>
            <xsl:attribute name="label" select="if ($main) then normalize-space($main) else normalize-space(string-join(current-group()[1]//text(), ''))"/>
            <xsl:attribute name="lang" select="if ($main) then (f:lang($main), 'zh-Hans')[1] else (f:lang(current-group()[1]), 'zh-Hans')[1]"/>
            <xsl:attribute name="variants" select="string-join(distinct-values($forms[. is $main or normalize-space(.) != normalize-space($main)]/normalize-space()[. != normalize-space($main)]), '，')"/>
            <xsl:for-each-group select="$found" group-by="layout:page(p:mention-id(.))">
              <p:page n="{current-grouping-key()}" to="{p:mention-id(current-group()[1])}"/>
            </xsl:for-each-group>
          </p:entry>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:if test="exists($entries)">
      <fo:page-sequence master-reference="index" xml:lang="zh-Hans" font-family="{$serif}" font-size="9pt" line-height="1.6"
          hyphenate="false" language="zh" country="CN">
        <xsl:call-template name="p:static"><xsl:with-param name="head" select="f:t('pdf.index')"/></xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block id="jk-index" role="Sect">
            <fo:block font-family="{$sans}" font-size="16pt" space-after="4mm" role="H1" span="all"><xsl:value-of select="f:t('pdf.index')"/></fo:block>
            <xsl:for-each select="('person', 'place', 'org')[. = $entries/@kind]">
              <xsl:variable name="kind" select="."/>
              <fo:block font-family="{$sans}" font-size="11pt" space-before="3mm" space-after="1.5mm" role="H2" keep-with-next.within-page="always" id="jk-index-{$kind}">
                <xsl:value-of select="f:t(map{'person': 'nav.persons', 'place': 'nav.places', 'org': 'nav.orgs'}($kind))"/>
              </fo:block>
              <xsl:for-each select="$entries[@kind = $kind]">
                <xsl:sort select="@label" collation="{$p:collation}"/>
                <xsl:sort select="@id"/>
                <fo:block start-indent="1.5em" text-indent="-1.5em" role="P">
                  <fo:inline xml:lang="{@lang}"><xsl:value-of select="@label"/></fo:inline>
                  <xsl:if test="@variants != ''"><fo:inline color="{$p:muted}">（<xsl:value-of select="@variants"/>）</fo:inline></xsl:if>
                  <xsl:text>　</xsl:text>
                  <xsl:call-template name="p:page-list"><xsl:with-param name="pages" select="p:page"/></xsl:call-template>
                </fo:block>
              </xsl:for-each>
            </xsl:for-each>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
  </xsl:template>

  <!-- 3, 7–9, 12: pages in order, runs of consecutive numbers joined; each links to the first mention on its page. -->
  <xsl:template name="p:page-list">
    <xsl:param name="pages" as="element(p:page)*"/>
    <xsl:variable name="sorted" as="element(p:page)*">
      <xsl:perform-sort select="$pages">
        <xsl:sort select="if (@n castable as xs:integer) then xs:integer(@n) else 0"/>
        <xsl:sort select="string(@n)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:for-each-group select="$sorted" group-adjacent="if (@n castable as xs:integer) then string(xs:integer(@n) - position()) else 'x' || generate-id()">
      <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
      <xsl:variable name="a" select="current-group()[1]"/>
      <xsl:variable name="z" select="current-group()[last()]"/>
      <xsl:call-template name="p:link">
        <xsl:with-param name="to" select="string($a/@to)"/>
        <xsl:with-param name="alt" select="f:t('pdf.page') || ' ' || $a/@n"/>
        <xsl:with-param name="content" as="node()*"><xsl:value-of select="$a/@n"/></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="count(current-group()) gt 1">
        <xsl:text>–</xsl:text>
        <xsl:call-template name="p:link">
          <xsl:with-param name="to" select="string($z/@to)"/>
          <xsl:with-param name="alt" select="f:t('pdf.page') || ' ' || $z/@n"/>
          <xsl:with-param name="content" as="node()*"><xsl:value-of select="$z/@n"/></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:template>
</xsl:stylesheet>
