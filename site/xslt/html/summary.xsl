<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document's summary for the edition pages: title, facets (date, genre, place, issuing body),
  every mention of a register entry with a snippet of its paragraph, one example of each kind of
  intervention, the editorial principles. Small, so the edition pages never need the documents.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:m="urn:x-jiaokan:modes"
    xmlns:jk="urn:x-jiaokan:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all"
    default-mode="m:summary">
  <xsl:import href="params.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="header.xsl"/>

  <xsl:output method="xml" indent="no"/>

  <!-- The m elements below, made by the publisher (publish.html.Mentions), as children of one element; where it is
       empty (a teiCorpus, a theme's own common.xsl), the loop below makes them. -->
  <xsl:param name="mentions" as="document-node()?" select="()"/>

  <xsl:variable name="roots" select="if (/(TEI | teiCorpus)) then /(TEI/text, teiCorpus//TEI/text, teiCorpus/*[not(self::teiHeader or self::TEI or self::teiCorpus)]) else /*"/>
  <xsl:template match="/" mode="m:summary">
    <xsl:variable name="h" select="f:header(.)"/>
    <doc id="{$docid}" script="{$doc-script}" title="{$h?title}" date="{$h?date}" cert="{$h?date-el/@cert}"
         genre="{$h?genre}" genre-key="{$h?genre-key}" canonical="{f:canonical(.)}"
         place="{string-join(distinct-values($h?place-els/normalize-space()), '、')}"
         issuer="{string-join(($h?issuer-els, $h?author-els)[1]/normalize-space(), '')}"
         lang="{($h?title-el ! f:lang(.), $doc-script)[1]}">
      <xsl:choose>
        <!-- made by the publisher (Mentions.java) by the rules of this loop, or here -->
        <xsl:when test="exists($mentions)"><xsl:sequence select="$mentions/*/*"/></xsl:when>
        <xsl:otherwise>
          <!-- numbered as the document page numbers them (text.xsl, f:pnums) -->
          <xsl:variable name="ids" select="$roots//*[@xml:id][map:contains($f:leaf-block-set, local-name()) or self::item]"/>
          <xsl:variable name="pnums" select="map:merge(for $i in 1 to count($ids) return map{generate-id($ids[$i]): $i})"/>
          <!-- each block's regularised text, made once however many names it holds -->
          <xsl:variable name="texts" as="map(xs:string, xs:string)" select="map:merge(for $b in $ids return map{generate-id($b): normalize-space(f:reg-text($b))})"/>
          <xsl:for-each-group select="$roots//(persName | placeName | orgName | term | name | rs)[not(ancestor::note)]" group-by="f:entity-id(.)">
            <xsl:variable name="kind" select="f:entity-kind(., current-grouping-key())"/>
            <xsl:if test="exists($kind)">
              <xsl:for-each select="current-group()">
                <xsl:variable name="block" select="ancestor::*[@xml:id][map:contains($f:leaf-block-set, local-name()) or self::item][1]"/>
                <!-- the block's text made once above; made here only for a name outside every numbered block -->
                <xsl:variable name="made" select="$block ! $texts(generate-id(.))"/>
                <xsl:variable name="text" select="if (exists($made)) then $made else normalize-space(f:reg-text(($block, ..)[1]))"/>
                <!-- a name holding only text reads the same in both readings: its string, without applying templates -->
                <xsl:variable name="hit" select="normalize-space(if (*) then f:reg-text(.) else string(.))"/>
                <!-- The text around this name: where its block reads the name once, around that; where it reads it
                     more than once (two mentions, or an unmarked one), around this one, found by a mark put in its place. -->
                <xsl:variable name="again" select="$hit != '' and contains(substring-after($text, $hit), $hit) and $block and not(contains($text, '&#xE000;'))"/>
                <xsl:variable name="with-mark" select="if ($again) then normalize-space(f:reg-text-marked($block, .)) else ''"/>
                <xsl:variable name="marked" select="substring-after($with-mark, '&#xE000;')"/>
                <xsl:variable name="before" select="if ($again and $marked != '') then substring-before($with-mark, '&#xE000;')
                                                    else if ($hit != '' and contains($text, $hit)) then substring-before($text, $hit) else ''"/>
                <xsl:variable name="after" select="if ($again and $marked != '') then (if (starts-with($marked, $hit)) then substring($marked, string-length($hit) + 1) else $marked)
                                                   else if ($hit != '' and contains($text, $hit)) then substring-after($text, $hit) else $text"/>
                <m ref="{current-grouping-key()}" kind="{$kind}" name="{$hit}" lang="{f:lang(.)}"
                   block="{$block/@xml:id}" n="{if ($block) then $pnums(generate-id($block)) else ''}"
                   before="{if (string-length($before) gt 30) then '…' || substring($before, string-length($before) - 29) else $before}"
                   after="{if (string-length($after) gt 30) then substring($after, 1, 30) || '…' else $after}"/>
              </xsl:for-each>
            </xsl:if>
          </xsl:for-each-group>
        </xsl:otherwise>
      </xsl:choose>
      <!-- one example of each kind of intervention, for the about page -->
      <!-- one pass over the elements (a union of steps would make one pass for each and merge them) -->
      <xsl:for-each-group select="$roots/descendant::*[self::surplus or self::choice[sic | orig] or self::seg[@type = 'redaction'] or self::fw or self::supplied or self::note or self::g[not(node())] or self::del]" group-by="f:iv-kind(.)">
        <xsl:variable name="e" select="current-group()[1]"/>
        <xsl:variable name="block" select="$e/ancestor-or-self::*[@xml:id][map:contains($f:leaf-block-set, local-name()) or self::item][1]"/>
        <iv kind="{current-grouping-key()}" count="{count(current-group())}" block="{$block/@xml:id}" lang="{f:lang($e)}"
            text="{substring(normalize-space(if ($e/self::choice) then $e/(sic, orig)[1] else $e), 1, 60)}"
            corr="{substring(normalize-space($e/self::choice/(corr, reg)[1]), 1, 60)}"/>
      </xsl:for-each-group>
      <xsl:for-each select="/*/teiHeader/encodingDesc/editorialDecl//p">
        <decl><xsl:value-of select="normalize-space(.)"/></decl>
      </xsl:for-each>
    </doc>
  </xsl:template>

  <xsl:function name="f:iv-kind" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if ($e/self::surplus) then 'surplus.' || ($e/@reason[. = ('jammer', 'converter-pinyin')], 'other')[1]
      else if ($e/self::choice) then 'sic'
      else if ($e/self::seg) then 'redaction'
      else if ($e/self::g[@type = 'damage']) then 'damage'
      else local-name($e)"/>
  </xsl:function>

  <!-- The regularised reading of an element as a string. -->
  <xsl:function name="f:reg-text" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:choose>
      <!-- nothing inside that the templates below leave out or replace: its string, without applying templates -->
      <xsl:when test="empty($e/descendant::*[self::surplus or self::sic or self::orig or self::abbr or self::fw or self::del or self::note or self::teiHeader or self::seg])">
        <xsl:sequence select="string($e)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of><xsl:apply-templates select="$e/node()" mode="m:reg"/></xsl:value-of></xsl:otherwise>
    </xsl:choose>
  </xsl:function>
  <xsl:template match="surplus | sic[parent::choice] | orig[parent::choice] | abbr[parent::choice] | fw | del | note | teiHeader" mode="m:reg m:reg-marked"/>
  <xsl:template match="seg[@type = 'redaction'][supplied]" mode="m:reg m:reg-marked"><xsl:apply-templates select="supplied" mode="#current"/></xsl:template>
  <xsl:template match="choice[supplied]/seg[@type = 'redaction']" mode="m:reg m:reg-marked"/>

  <!-- The regularised reading of $block with U+E000 where $mark begins (the templates above, and the mark). -->
  <xsl:function name="f:reg-text-marked" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="mark" as="element()"/>
    <xsl:value-of><xsl:apply-templates select="$block/node()" mode="m:reg-marked"><xsl:with-param name="mark" select="$mark" tunnel="yes"/></xsl:apply-templates></xsl:value-of>
  </xsl:function>
  <xsl:template match="*" mode="m:reg-marked" priority="-1">
    <xsl:param name="mark" as="element()" tunnel="yes"/>
    <xsl:if test=". is $mark">&#xE000;</xsl:if>
    <xsl:apply-templates mode="m:reg-marked"/>
  </xsl:template>
</xsl:stylesheet>
