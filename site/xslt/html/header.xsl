<?xml version="1.0" encoding="UTF-8"?>
<!-- The facts of a TEI header that the pages show, as one map, for any TEI (ours or not). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:m="urn:x-jiaokan:modes"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:function name="f:header" as="map(*)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="hd" select="($doc/*/teiHeader)[1]"/>
    <xsl:variable name="fd" select="$hd/fileDesc"/>
    <xsl:variable name="bibl" select="($fd/sourceDesc/(bibl | biblStruct | biblFull))[1]"/>
    <xsl:variable name="title-el" select="($fd/titleStmt/title[@type = 'main'], $fd/titleStmt/title[not(@type = 'sub')], $fd/titleStmt/title, $doc//text//docTitle, $doc/*/*:head)[normalize-space(string-join(.//text()[not(ancestor::*:note)], ''))][1]"/>
    <xsl:variable name="title" select="(normalize-space(string-join($title-el//text()[not(ancestor::note)], '')), $docid)[. != ''][1]"/>
    <xsl:variable name="creation" select="$hd/profileDesc/creation"/>
    <xsl:variable name="date-el" select="($creation/date, $bibl/date[@type = 'published'], $fd/publicationStmt/date)[1]"/>
    <xsl:variable name="author-els" select="$fd/titleStmt/author[not(@role = 'issuer')]"/>
    <!-- the issuing body once, though the creation and the title statement may both name it -->
    <xsl:variable name="issuers" select="($creation/orgName[@type = 'issuer'], $fd/titleStmt/author[@role = 'issuer'])"/>
    <xsl:variable name="issuer-els" select="for $i in 1 to count($issuers) return
        $issuers[$i][not(normalize-space(.) = subsequence($issuers, 1, $i - 1) ! normalize-space(.))]"/>
    <xsl:variable name="cat" select="for $t in tokenize($hd/profileDesc/textClass/catRef[1]/@target, '\s+')[1] return $hd//category[@xml:id = substring-after($t, '#')]"/>
    <xsl:variable name="genre" select="normalize-space(substring-before($cat/catDesc[1] || ':', ':'))"/>
    <xsl:map>
      <xsl:map-entry key="'title'" select="$title"/>
      <xsl:map-entry key="'title-el'" select="$title-el"/>
      <xsl:map-entry key="'date'" select="string(($date-el/@when, $date-el/@notBefore)[1])"/>
      <xsl:map-entry key="'date-el'" select="$date-el"/>
      <xsl:map-entry key="'author-els'" select="$author-els"/>
      <xsl:map-entry key="'issuer-els'" select="$issuer-els"/>
      <xsl:map-entry key="'authors'" select="distinct-values(($author-els, $issuer-els)/normalize-space()[. != ''])"/>
      <xsl:map-entry key="'genre'" select="$genre"/>
      <xsl:map-entry key="'genre-key'" select="replace(string($cat/@xml:id), '^.*-jk-', '')"/>
      <xsl:map-entry key="'place-els'" select="$creation/placeName"/>
      <xsl:map-entry key="'bibl'" select="$bibl"/>
    </xsl:map>
  </xsl:function>

  <!-- The canonical URL: publicationStmt/idno[@type='URI'] when it is http(s), else ''. -->
  <xsl:function name="f:canonical" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="(($doc/*/teiHeader/fileDesc/publicationStmt/idno[@type = 'URI'])[1]/normalize-space()[matches(., '^https?://[^\s&lt;&gt;&quot;]+$')], '')[1]"/>
  </xsl:function>
</xsl:stylesheet>
