<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header → simple Dublin Core (oai_dc), for one document or for the edition as a whole. The title
  and names are given in the original script and in pinyin (xml:lang zh-Latn-pinyin); subjects are the
  register entries the text names and its keywords; places are also its coverage, with their GB/T 2260 codes.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:r="urn:x-jiaokan:records" xmlns:jk="urn:x-jiaokan:functions"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
      <xsl:choose>
        <xsl:when test="teiCorpus"><xsl:call-template name="r:edition"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="r:document"/></xsl:otherwise>
      </xsl:choose>
    </oai_dc:dc>
  </xsl:template>

  <!-- An element in the original script, then its romanisation. -->
  <xsl:template name="r:both">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="''"/>
    <xsl:if test="$value != ''">
      <xsl:element name="dc:{$name}">
        <xsl:if test="$lang != ''"><xsl:attribute name="xml:lang" select="$lang"/></xsl:if>
        <xsl:value-of select="$value"/>
      </xsl:element>
      <xsl:variable name="roman" select="r:roman($value, $kind)"/>
      <xsl:if test="$roman != ''">
        <xsl:element name="dc:{$name}">
          <xsl:attribute name="xml:lang" select="'zh-Latn-pinyin'"/>
          <xsl:value-of select="$roman"/>
        </xsl:element>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="r:document">
    <xsl:variable name="doc" select="/"/>
    <xsl:variable name="h" select="*/teiHeader"/>
    <xsl:variable name="script" select="r:script(.)"/>
    <xsl:variable name="d" select="r:date($h)"/>
    <xsl:variable name="sub" select="r:subtitle($h)"/>
    <xsl:variable name="title" select="concat(if (r:devised($h)) then concat('[', r:title($h), ']') else r:title($h),
        if ($sub != '') then concat(' : ', $sub) else '')"/>
    <xsl:call-template name="r:both">
      <xsl:with-param name="name" select="'title'"/><xsl:with-param name="value" select="$title"/>
      <xsl:with-param name="kind" select="'title'"/><xsl:with-param name="lang" select="$script"/>
    </xsl:call-template>
    <xsl:for-each select="r:agents($h)">
      <xsl:call-template name="r:both">
        <xsl:with-param name="name" select="if (@credited) then 'creator' else 'contributor'"/>
        <xsl:with-param name="value" select="string(@name)"/>
        <xsl:with-param name="kind" select="if (@kind = 'person') then 'person' else 'corporate'"/>
        <xsl:with-param name="lang" select="string(@lang)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="r:subjects(.)">
      <xsl:call-template name="r:both">
        <xsl:with-param name="name" select="'subject'"/><xsl:with-param name="value" select="string(@name)"/>
        <xsl:with-param name="kind" select="@kind"/><xsl:with-param name="lang" select="string(@lang)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="r:keywords($h)">
      <dc:subject xml:lang="{$script}"><xsl:value-of select="."/></dc:subject>
    </xsl:for-each>
    <xsl:if test="r:genre($h) != ''"><dc:type><xsl:value-of select="r:genre($h)"/></dc:type></xsl:if>
    <dc:type>Text</dc:type>
    <xsl:if test="r:devised($h)">
      <dc:description xml:lang="en"><xsl:value-of select="r:title-source($h)"/></dc:description>
    </xsl:if>
    <xsl:if test="$d?note != ''"><dc:description xml:lang="en"><xsl:value-of select="concat('Date of the text', if ($d?cert = 'low') then ' (uncertain)' else '', ': ', $d?note)"/></dc:description></xsl:if>
    <xsl:if test="r:publisher(.) != ''"><dc:publisher><xsl:value-of select="r:publisher(.)"/></dc:publisher></xsl:if>
    <xsl:choose>
      <xsl:when test="$d?when != ''"><dc:date><xsl:value-of select="$d?when"/></dc:date></xsl:when>
      <xsl:when test="$d?from != '' and $d?to != ''"><dc:date><xsl:value-of select="concat($d?from, '/', $d?to)"/></dc:date></xsl:when>
    </xsl:choose>
    <dc:format>text/html</dc:format>
    <dc:format>application/tei+xml</dc:format>
    <xsl:if test="r:canonical(.) != ''"><dc:identifier><xsl:value-of select="r:canonical(.)"/></dc:identifier></xsl:if>
    <xsl:if test="$docid != ''"><dc:identifier><xsl:value-of select="$docid"/></dc:identifier></xsl:if>
    <xsl:if test="r:page-url($h) != ''"><dc:source><xsl:value-of select="r:page-url($h)"/></dc:source></xsl:if>
    <xsl:if test="r:original-publisher($h) != ''">
      <dc:source xml:lang="{$script}"><xsl:value-of select="string-join((r:original-publisher($h), r:published($h)[. != '']), ', ')"/></dc:source>
    </xsl:if>
    <xsl:for-each select="r:bibl($h)/idno[@type = 'filename'][normalize-space()]">
      <dc:source><xsl:value-of select="concat(normalize-space(.), string-join(../idno[@type = 'sha256'] ! concat(' (SHA-256 ', normalize-space(.), ')')))"/></dc:source>
    </xsl:for-each>
    <xsl:for-each select="distinct-values(($script[. != ''], r:lang639(.)))"><dc:language><xsl:value-of select="."/></dc:language></xsl:for-each>
    <xsl:if test="r:edition-url(.) != ''"><dc:relation><xsl:value-of select="r:edition-url(.)"/></dc:relation></xsl:if>
    <xsl:if test="r:edition-title(.) != ''"><dc:relation xml:lang="en"><xsl:value-of select="r:edition-title(.)"/></dc:relation></xsl:if>
    <xsl:for-each select="r:subjects(.)[@kind = 'place']">
      <dc:coverage xml:lang="{@lang}"><xsl:value-of select="string-join((@name, @code[. != ''] ! concat('GB/T 2260: ', .)), '; ')"/></dc:coverage>
    </xsl:for-each>
    <xsl:call-template name="r:rights"/>
  </xsl:template>

  <xsl:template name="r:rights">
    <xsl:variable name="l" select="r:licence(/)"/>
    <xsl:if test="$l">
      <dc:rights xml:lang="en"><xsl:value-of select="normalize-space($l)"/></dc:rights>
      <xsl:if test="r:http($l/@target) != ''"><dc:rights><xsl:value-of select="r:http($l/@target)"/></dc:rights></xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="r:edition">
    <xsl:variable name="h" select="teiCorpus/teiHeader"/>
    <dc:title xml:lang="{(teiCorpus/@xml:lang, 'en')[1]}"><xsl:value-of select="r:edition-title(.)"/></dc:title>
    <xsl:for-each select="$h/fileDesc/titleStmt/editor[normalize-space()]">
      <dc:creator><xsl:value-of select="normalize-space(.)"/></dc:creator>
    </xsl:for-each>
    <xsl:for-each select="$h/fileDesc/sourceDesc/p[normalize-space()]">
      <dc:description><xsl:value-of select="normalize-space(.)"/></dc:description>
    </xsl:for-each>
    <xsl:for-each select="$h/fileDesc/editionStmt/edition[normalize-space()]">
      <dc:description><xsl:value-of select="normalize-space(.)"/></dc:description>
    </xsl:for-each>
    <xsl:if test="r:publisher(.) != ''"><dc:publisher><xsl:value-of select="r:publisher(.)"/></dc:publisher></xsl:if>
    <xsl:if test="r:record-date(.) != ''"><dc:date><xsl:value-of select="r:record-date(.)"/></dc:date></xsl:if>
    <dc:type>Collection</dc:type>
    <dc:type>Text</dc:type>
    <dc:format>text/html</dc:format>
    <dc:format>application/tei+xml</dc:format>
    <xsl:if test="r:edition-url(.) != ''"><dc:identifier><xsl:value-of select="r:edition-url(.)"/></dc:identifier></xsl:if>
    <xsl:for-each select="distinct-values(($documents ! r:script(.))[. != ''])"><dc:language><xsl:value-of select="."/></dc:language></xsl:for-each>
    <xsl:for-each select="$documents ! r:canonical(.)[. != '']"><dc:relation><xsl:value-of select="."/></dc:relation></xsl:for-each>
    <xsl:call-template name="r:rights"/>
  </xsl:template>
</xsl:stylesheet>
