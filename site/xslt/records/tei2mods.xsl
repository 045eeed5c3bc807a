<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header → MODS 3.8, for one document or for the edition as a whole. Chinese titles and names are
  given twice, in the original script (@script Hans or Hant) and in ALA-LC pinyin (@script Latn,
  @transliteration), paired by @altRepGroup. The creation date carries its certainty (@qualifier
  inferred, questionable) and is the key date; the source (the web page, its publisher) is
  relatedItem type="original", the edition relatedItem type="host".
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:r="urn:x-jiaokan:records" xmlns:jk="urn:x-jiaokan:functions"
    xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="TRANSLIT" select="'ALA-LC Romanization Tables'"/>

  <xsl:template match="/">
    <mods:mods version="3.8" xsi:schemaLocation="http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-8.xsd">
      <xsl:namespace name="xlink" select="'http://www.w3.org/1999/xlink'"/>
      <xsl:choose>
        <xsl:when test="teiCorpus"><xsl:call-template name="r:edition"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="r:document"/></xsl:otherwise>
      </xsl:choose>
    </mods:mods>
  </xsl:template>

  <!-- A titleInfo in the original script and, for Chinese, its romanisation. -->
  <xsl:template name="r:title-info">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="script" as="xs:string"/>
    <xsl:param name="group" as="xs:string"/>
    <xsl:param name="supplied" as="xs:boolean" select="false()"/>
    <xsl:param name="subtitle" as="xs:string" select="''"/>
    <xsl:variable name="roman" select="r:roman($title, 'title')"/>
    <xsl:variable name="roman-sub" select="if ($subtitle != '' and $roman != '') then (r:roman($subtitle, 'title')[. != ''], $subtitle)[1] else ''"/>
    <mods:titleInfo>
      <xsl:if test="$roman != ''">
        <xsl:attribute name="altRepGroup" select="$group"/>
        <xsl:attribute name="script" select="r:iso15924($script)"/>
        <xsl:attribute name="lang" select="'chi'"/>
      </xsl:if>
      <xsl:if test="$supplied"><xsl:attribute name="supplied" select="'yes'"/></xsl:if>
      <mods:title><xsl:value-of select="$title"/></mods:title>
      <xsl:if test="$subtitle != ''"><mods:subTitle><xsl:value-of select="$subtitle"/></mods:subTitle></xsl:if>
    </mods:titleInfo>
    <xsl:if test="$roman != ''">
      <mods:titleInfo altRepGroup="{$group}" script="Latn" lang="chi" transliteration="{$TRANSLIT}">
        <xsl:if test="$supplied"><xsl:attribute name="supplied" select="'yes'"/></xsl:if>
        <mods:title><xsl:value-of select="$roman"/></mods:title>
        <xsl:if test="$roman-sub != ''"><mods:subTitle><xsl:value-of select="$roman-sub"/></mods:subTitle></xsl:if>
      </mods:titleInfo>
    </xsl:if>
  </xsl:template>

  <!-- A name (personal or corporate) with its roles, twice for Chinese. -->
  <xsl:template name="r:name">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="role" as="xs:string?"/>
    <xsl:param name="script" as="xs:string"/>
    <xsl:param name="group" as="xs:string"/>
    <xsl:param name="primary" as="xs:boolean" select="false()"/>
    <xsl:variable name="roman" select="r:roman($name, if ($kind = 'person') then 'person' else 'corporate')"/>
    <xsl:variable name="type" select="if ($kind = 'person') then 'personal' else 'corporate'"/>
    <xsl:for-each select="('vern', 'roman'[$roman != ''])">
      <mods:name type="{$type}">
        <xsl:if test="$primary"><xsl:attribute name="usage" select="'primary'"/></xsl:if>
        <xsl:if test="$roman != ''">
          <xsl:attribute name="altRepGroup" select="$group"/>
          <xsl:attribute name="script" select="if (. = 'roman') then 'Latn' else r:iso15924($script)"/>
          <xsl:if test=". = 'roman'"><xsl:attribute name="transliteration" select="$TRANSLIT"/></xsl:if>
        </xsl:if>
        <xsl:choose>
          <xsl:when test=". = 'roman' and $kind = 'person' and matches($roman, '^\S+ \S+$')">
            <mods:namePart type="family"><xsl:value-of select="substring-before($roman, ' ')"/></mods:namePart>
            <mods:namePart type="given"><xsl:value-of select="substring-after($roman, ' ')"/></mods:namePart>
          </xsl:when>
          <xsl:when test=". = 'roman'"><mods:namePart><xsl:value-of select="$roman"/></mods:namePart></xsl:when>
          <xsl:otherwise><mods:namePart><xsl:value-of select="$name"/></mods:namePart></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$role != ''">
          <mods:role>
            <mods:roleTerm type="code" authority="marcrelator"><xsl:value-of select="$role"/></mods:roleTerm>
            <mods:roleTerm type="text" authority="marcrelator"><xsl:value-of select="r:relator($role)"/></mods:roleTerm>
          </mods:role>
        </xsl:if>
      </mods:name>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="r:document">
    <xsl:variable name="doc" select="/"/>
    <xsl:variable name="h" select="*/teiHeader"/>
    <xsl:variable name="script" select="r:script(.)"/>
    <xsl:variable name="d" select="r:date($h)"/>
    <xsl:variable name="canonical" select="r:canonical(.)"/>
    <xsl:variable name="origin" select="r:original-publisher($h)"/>
    <xsl:variable name="media" select="r:media-type($h)"/>
    <xsl:variable name="genre" select="r:genre-term($h)"/>
    <xsl:variable name="record-date" select="r:record-date(.)"/>

    <xsl:call-template name="r:title-info">
      <xsl:with-param name="title" select="r:title($h)"/><xsl:with-param name="script" select="$script"/>
      <xsl:with-param name="group" select="'t1'"/><xsl:with-param name="supplied" select="r:devised($h)"/>
      <xsl:with-param name="subtitle" select="r:subtitle($h)"/>
    </xsl:call-template>
    <!-- The primary name is the MARC record's main entry: the first credited agent, else the issuing body. (The agents are
         made without a parent, so "the first" is their place in the sequence, not a preceding sibling.) -->
    <xsl:variable name="agents" select="r:agents($h)"/>
    <xsl:variable name="main" select="r:main-entry($agents)"/>
    <xsl:for-each select="$agents">
      <xsl:call-template name="r:name">
        <xsl:with-param name="name" select="string(@name)"/><xsl:with-param name="kind" select="string(@kind)"/>
        <xsl:with-param name="role" select="string(@role)"/><xsl:with-param name="script" select="$script"/>
        <xsl:with-param name="group" select="concat('n', position())"/>
        <xsl:with-param name="primary" select="exists($main) and . is $main"/>
      </xsl:call-template>
    </xsl:for-each>
    <mods:typeOfResource>text</mods:typeOfResource>
    <xsl:if test="exists($genre)">
      <mods:genre authority="{$genre?source}"><xsl:value-of select="$genre?term"/></mods:genre>
    </xsl:if>

    <!-- When the text was made (speech delivered, meeting reported), with its certainty. -->
    <xsl:if test="$d?when != '' or $d?from != '' or $d?to != '' or r:published($h) != '' or $origin != ''">
      <mods:originInfo eventType="{if ($origin != '' or r:published($h) != '') then 'publication' else 'production'}">
        <xsl:if test="$origin != ''">
          <xsl:variable name="roman" select="r:roman($origin, 'corporate')"/>
          <mods:publisher><xsl:if test="$roman != ''"><xsl:attribute name="script" select="r:iso15924($script)"/></xsl:if><xsl:value-of select="$origin"/></mods:publisher>
          <xsl:if test="$roman != ''"><mods:publisher script="Latn" transliteration="{$TRANSLIT}"><xsl:value-of select="$roman"/></mods:publisher></xsl:if>
        </xsl:if>
        <xsl:variable name="q" select="if ($d?cert = 'low') then 'questionable' else if ($d?inferred) then 'inferred' else ()"/>
        <xsl:choose>
          <xsl:when test="$d?when != ''">
            <mods:dateCreated encoding="w3cdtf" keyDate="yes"><xsl:if test="exists($q)"><xsl:attribute name="qualifier" select="$q"/></xsl:if><xsl:value-of select="$d?when"/></mods:dateCreated>
          </xsl:when>
          <xsl:when test="$d?from != '' or $d?to != ''">
            <xsl:if test="$d?from != ''"><mods:dateCreated encoding="w3cdtf" keyDate="yes" point="start" qualifier="{($q, 'approximate')[1]}"><xsl:value-of select="$d?from"/></mods:dateCreated></xsl:if>
            <xsl:if test="$d?to != ''"><mods:dateCreated encoding="w3cdtf" point="end" qualifier="{($q, 'approximate')[1]}"><xsl:if test="$d?from = ''"><xsl:attribute name="keyDate" select="'yes'"/></xsl:if><xsl:value-of select="$d?to"/></mods:dateCreated></xsl:if>
          </xsl:when>
        </xsl:choose>
        <xsl:if test="r:published($h) != ''"><mods:dateIssued encoding="w3cdtf"><xsl:value-of select="r:iso(r:published($h))"/></mods:dateIssued></xsl:if>
      </mods:originInfo>
    </xsl:if>
    <!-- The electronic edition. -->
    <mods:originInfo eventType="publication">
      <xsl:if test="r:publisher(.) != ''"><mods:publisher><xsl:value-of select="r:publisher(.)"/></mods:publisher></xsl:if>
      <xsl:variable name="pub" select="r:iso(($h/fileDesc/publicationStmt/date/@when)[1])"/>
      <xsl:if test="$pub != ''"><mods:dateIssued encoding="w3cdtf"><xsl:value-of select="$pub"/></mods:dateIssued></xsl:if>
      <mods:issuance>monographic</mods:issuance>
    </mods:originInfo>

    <xsl:if test="$script != ''">
      <mods:language>
        <mods:languageTerm type="code" authority="iso639-2b"><xsl:value-of select="r:lang639(.)"/></mods:languageTerm>
        <mods:scriptTerm type="code" authority="iso15924"><xsl:value-of select="r:iso15924($script)"/></mods:scriptTerm>
      </mods:language>
    </xsl:if>
    <mods:physicalDescription>
      <mods:form authority="marcform">electronic</mods:form>
      <mods:form type="carrier" authority="rdacarrier">online resource</mods:form>
      <mods:internetMediaType>text/html</mods:internetMediaType>
      <mods:internetMediaType>application/tei+xml</mods:internetMediaType>
      <xsl:if test="r:bytes($h) != ''"><mods:extent><xsl:value-of select="concat('1 online resource (1 ', lower-case((r:file-format($media)[. != ''], 'text')[1]), ' file, ', r:bytes($h), ' bytes)')"/></mods:extent></xsl:if>
      <mods:digitalOrigin><xsl:value-of select="if (r:born-digital($h)) then 'born digital' else 'reformatted digital'"/></mods:digitalOrigin>
    </mods:physicalDescription>
    <xsl:if test="r:devised($h)"><mods:note type="source of title"><xsl:value-of select="r:title-source($h)"/></mods:note></xsl:if>
    <xsl:if test="$d?note != ''"><mods:note type="date"><xsl:value-of select="$d?note"/></mods:note></xsl:if>
    <xsl:if test="$script != ''"><mods:note type="language"><xsl:value-of select="concat('In Chinese (', if ($script = 'zh-Hant') then 'traditional' else 'simplified', ' characters).')"/></mods:note></xsl:if>

    <xsl:for-each select="r:subjects(.)">
      <xsl:variable name="roman" select="r:roman(@name, @kind)"/>
      <xsl:variable name="s" select="."/>
      <xsl:for-each select="('vern', 'roman'[$roman != ''])">
        <mods:subject authority="local">
          <xsl:if test="$roman != ''">
            <xsl:attribute name="altRepGroup" select="concat('s', $s/@id)"/>
            <xsl:attribute name="script" select="if (. = 'roman') then 'Latn' else r:iso15924(r:script-of($s/@lang, $script))"/>
            <xsl:if test=". = 'roman'"><xsl:attribute name="transliteration" select="$TRANSLIT"/></xsl:if>
          </xsl:if>
          <xsl:variable name="v" select="if (. = 'roman') then $roman else string($s/@name)"/>
          <xsl:choose>
            <xsl:when test="$s/@kind = 'place'">
              <mods:geographic><xsl:if test="$s/@code != ''"><xsl:attribute name="authority" select="'gbt2260'"/></xsl:if><xsl:value-of select="$v"/></mods:geographic>
              <xsl:if test="$s/@code != ''"><mods:geographicCode authority="gbt2260"><xsl:value-of select="$s/@code"/></mods:geographicCode></xsl:if>
            </xsl:when>
            <xsl:otherwise>
              <mods:name type="{if ($s/@kind = 'person') then 'personal' else 'corporate'}">
                <mods:namePart><xsl:value-of select="$v"/></mods:namePart>
              </mods:name>
            </xsl:otherwise>
          </xsl:choose>
        </mods:subject>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:if test="exists(r:keywords($h))">
      <mods:subject>
        <xsl:if test="$script != ''"><xsl:attribute name="lang" select="'chi'"/><xsl:attribute name="script" select="r:iso15924($script)"/></xsl:if>
        <xsl:for-each select="r:keywords($h)"><mods:topic><xsl:value-of select="."/></mods:topic></xsl:for-each>
      </mods:subject>
    </xsl:if>

    <!-- The source: the page it was captured from, its publisher and date, the raw file. -->
    <mods:relatedItem type="original">
      <xsl:call-template name="r:title-info">
        <xsl:with-param name="title" select="r:title($h)"/><xsl:with-param name="script" select="$script"/>
        <xsl:with-param name="group" select="'t2'"/><xsl:with-param name="supplied" select="r:devised($h)"/>
      </xsl:call-template>
      <xsl:if test="$origin != '' or r:published($h) != ''">
        <mods:originInfo eventType="publication">
          <xsl:if test="$origin != ''"><mods:publisher><xsl:value-of select="$origin"/></mods:publisher></xsl:if>
          <xsl:if test="r:published($h) != ''"><mods:dateIssued encoding="w3cdtf"><xsl:value-of select="r:iso(r:published($h))"/></mods:dateIssued></xsl:if>
        </mods:originInfo>
      </xsl:if>
      <mods:physicalDescription>
        <xsl:if test="$media != ''"><mods:internetMediaType><xsl:value-of select="$media"/></mods:internetMediaType></xsl:if>
        <xsl:if test="r:bytes($h) != ''"><mods:extent unit="bytes"><xsl:value-of select="r:bytes($h)"/></mods:extent></xsl:if>
        <mods:digitalOrigin>born digital</mods:digitalOrigin>
      </mods:physicalDescription>
      <xsl:for-each select="r:bibl($h)/idno[@type = 'filename'][normalize-space()]"><mods:identifier type="filename"><xsl:value-of select="normalize-space(.)"/></mods:identifier></xsl:for-each>
      <xsl:for-each select="r:bibl($h)/idno[@type = 'sha256'][normalize-space()]"><mods:identifier type="sha256"><xsl:value-of select="normalize-space(.)"/></mods:identifier></xsl:for-each>
      <xsl:for-each select="r:bibl($h)/idno[@type = 'docNumber'][normalize-space()]"><mods:identifier type="document number"><xsl:value-of select="normalize-space(.)"/></mods:identifier></xsl:for-each>
      <xsl:if test="r:page-url($h) != ''"><mods:location><mods:url note="original web page"><xsl:value-of select="r:page-url($h)"/></mods:url></mods:location></xsl:if>
    </mods:relatedItem>
    <xsl:if test="r:edition-title(.) != ''">
      <mods:relatedItem type="host">
        <mods:titleInfo><mods:title><xsl:value-of select="r:edition-title(.)"/></mods:title></mods:titleInfo>
        <xsl:if test="r:edition-url(.) != ''"><mods:location><mods:url><xsl:value-of select="r:edition-url(.)"/></mods:url></mods:location></xsl:if>
      </mods:relatedItem>
    </xsl:if>

    <xsl:if test="$canonical != ''"><mods:identifier type="uri"><xsl:value-of select="$canonical"/></mods:identifier></xsl:if>
    <xsl:if test="$docid != ''"><mods:identifier type="local"><xsl:value-of select="$docid"/></mods:identifier></xsl:if>
    <xsl:if test="$canonical != ''">
      <mods:location>
        <mods:url usage="primary display" access="object in context"><xsl:value-of select="$canonical"/></mods:url>
        <xsl:if test="r:tei-url($canonical) != ''"><mods:url access="raw object" note="TEI P5 XML"><xsl:value-of select="r:tei-url($canonical)"/></mods:url></xsl:if>
      </mods:location>
    </xsl:if>
    <xsl:call-template name="r:access"/>
    <xsl:call-template name="r:record-info"><xsl:with-param name="id" select="$docid"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="r:access">
    <xsl:variable name="l" select="r:licence(/)"/>
    <xsl:if test="$l">
      <mods:accessCondition type="use and reproduction">
        <xsl:if test="r:http($l/@target) != ''"><xsl:attribute name="xlink:href" select="r:http($l/@target)"/></xsl:if>
        <xsl:value-of select="normalize-space($l)"/>
      </mods:accessCondition>
    </xsl:if>
  </xsl:template>

  <xsl:template name="r:record-info">
    <xsl:param name="id" as="xs:string"/>
    <mods:recordInfo>
      <mods:descriptionStandard authority="marcdescription">rda</mods:descriptionStandard>
      <xsl:if test="r:publisher(/) != ''"><mods:recordContentSource><xsl:value-of select="r:publisher(/)"/></mods:recordContentSource></xsl:if>
      <xsl:if test="r:record-date(/) != ''">
        <mods:recordCreationDate encoding="w3cdtf"><xsl:value-of select="r:record-date(/)"/></mods:recordCreationDate>
        <mods:recordChangeDate encoding="w3cdtf"><xsl:value-of select="r:record-date(/)"/></mods:recordChangeDate>
      </xsl:if>
      <xsl:if test="$id != ''">
        <mods:recordIdentifier><xsl:if test="r:edition-url(/) != ''"><xsl:attribute name="source" select="r:edition-url(/)"/></xsl:if><xsl:value-of select="$id"/></mods:recordIdentifier>
      </xsl:if>
      <mods:recordOrigin>Machine-generated from the TEI header by Jiaokan; romanisation by rule (ALA-LC pinyin).</mods:recordOrigin>
      <mods:languageOfCataloging>
        <mods:languageTerm type="code" authority="iso639-2b">eng</mods:languageTerm>
        <mods:scriptTerm type="code" authority="iso15924">Latn</mods:scriptTerm>
      </mods:languageOfCataloging>
    </mods:recordInfo>
  </xsl:template>

  <xsl:template name="r:edition">
    <xsl:variable name="h" select="teiCorpus/teiHeader"/>
    <mods:titleInfo><mods:title><xsl:value-of select="r:edition-title(.)"/></mods:title></mods:titleInfo>
    <xsl:for-each select="$h/fileDesc/titleStmt/editor[normalize-space()]">
      <xsl:variable name="body" select="exists(orgName) or matches(., '(team|project|group|committee|board|office|society|institute|centre|center|university|部|组|組|委员会|委員會|中心|研究所|办公室|辦公室)', 'i')"/>
      <mods:name type="{if ($body) then 'corporate' else 'personal'}">
        <mods:namePart><xsl:value-of select="normalize-space(.)"/></mods:namePart>
        <mods:role><mods:roleTerm type="code" authority="marcrelator">edt</mods:roleTerm><mods:roleTerm type="text" authority="marcrelator">editor</mods:roleTerm></mods:role>
      </mods:name>
    </xsl:for-each>
    <mods:typeOfResource collection="yes">text</mods:typeOfResource>
    <mods:originInfo eventType="publication">
      <xsl:if test="r:publisher(.) != ''"><mods:publisher><xsl:value-of select="r:publisher(.)"/></mods:publisher></xsl:if>
      <xsl:if test="r:record-date(.) != ''"><mods:dateIssued encoding="w3cdtf" keyDate="yes"><xsl:value-of select="r:record-date(.)"/></mods:dateIssued></xsl:if>
      <xsl:for-each select="$h/fileDesc/editionStmt/edition[normalize-space()]"><mods:edition><xsl:value-of select="normalize-space(.)"/></mods:edition></xsl:for-each>
      <mods:issuance>monographic</mods:issuance>
    </mods:originInfo>
    <xsl:for-each select="distinct-values(($documents ! r:script(.))[. != ''])">
      <mods:language>
        <mods:languageTerm type="code" authority="iso639-2b">chi</mods:languageTerm>
        <mods:scriptTerm type="code" authority="iso15924"><xsl:value-of select="r:iso15924(.)"/></mods:scriptTerm>
      </mods:language>
    </xsl:for-each>
    <mods:physicalDescription>
      <mods:form authority="marcform">electronic</mods:form>
      <mods:internetMediaType>text/html</mods:internetMediaType>
      <mods:internetMediaType>application/tei+xml</mods:internetMediaType>
      <mods:extent><xsl:value-of select="concat('1 online resource (', count($documents), if (count($documents) = 1) then ' document)' else ' documents)')"/></mods:extent>
      <mods:digitalOrigin>born digital</mods:digitalOrigin>
    </mods:physicalDescription>
    <xsl:for-each select="$h/fileDesc/sourceDesc/p[normalize-space()]"><mods:abstract><xsl:value-of select="normalize-space(.)"/></mods:abstract></xsl:for-each>
    <xsl:for-each select="$documents">
      <xsl:variable name="dh" select="*/teiHeader"/>
      <xsl:variable name="i" select="position()"/>
      <mods:relatedItem type="constituent">
        <xsl:call-template name="r:title-info">
          <xsl:with-param name="title" select="r:title($dh, $docids[$i])"/><xsl:with-param name="script" select="r:script(.)"/>
          <xsl:with-param name="group" select="concat('c', $i)"/><xsl:with-param name="supplied" select="r:devised($dh)"/>
        </xsl:call-template>
        <xsl:if test="$docids[$i]"><mods:identifier type="local"><xsl:value-of select="$docids[$i]"/></mods:identifier></xsl:if>
        <xsl:if test="r:canonical(.) != ''"><mods:location><mods:url><xsl:value-of select="r:canonical(.)"/></mods:url></mods:location></xsl:if>
      </mods:relatedItem>
    </xsl:for-each>
    <xsl:if test="r:edition-url(.) != ''">
      <mods:identifier type="uri"><xsl:value-of select="r:edition-url(.)"/></mods:identifier>
      <mods:location><mods:url usage="primary display"><xsl:value-of select="r:edition-url(.)"/></mods:url></mods:location>
    </xsl:if>
    <xsl:call-template name="r:access"/>
    <xsl:call-template name="r:record-info"><xsl:with-param name="id" select="concat(normalize-space(($h/fileDesc/publicationStmt/idno[@type = 'prefix'])[1]), 'edition')"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
