<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header → MARC 21 bibliographic record (MARCXML), for one document or for the edition as a whole.
  The document is described as the electronic reproduction the edition publishes (533), of a text in
  Chinese: leader/06 a (language material), /07 m, /17 7 (made by machine from the header), /18 i
  (ISBD punctuation). Chinese in a field makes it a romanised field (ALA-LC pinyin) with a linked 880
  field in the original script ($6 TAG-NN/$1: CJK). Fields are first written as r:f specifications
  (r:s subfields with the kind of romanisation, and punctuation before and after), then as MARC.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:r="urn:x-jiaokan:records" xmlns:jk="urn:x-jiaokan:functions"
    xmlns:marc="http://www.loc.gov/MARC21/slim"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:include href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:variable name="unsorted" as="element(r:f)*">
      <xsl:choose>
        <xsl:when test="teiCorpus"><xsl:sequence select="r:edition-fields(.)"/></xsl:when>
        <xsl:otherwise><xsl:sequence select="r:document-fields(.)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- Fields in tag order (fn:sort is stable: repeated tags keep their order). -->
    <xsl:variable name="fields" select="sort($unsorted, (), function($f) { string($f/@tag) })"/>
    <marc:record>
      <marc:leader>00000nam a22000007i 4500</marc:leader>
      <xsl:for-each select="$fields[@control]">
        <marc:controlfield tag="{@tag}"><xsl:value-of select="."/></marc:controlfield>
      </xsl:for-each>
      <xsl:variable name="linked" select="$fields[not(@control)][r:s[r:has-han(.) and not(@k = 'none')]]"/>
      <xsl:for-each select="$fields[not(@control)]">
        <xsl:variable name="n" select="index-of($linked ! generate-id(.), generate-id(current()))"/>
        <xsl:variable name="occ" select="if (exists($n)) then format-number($n, '00') else ''"/>
        <marc:datafield tag="{@tag}" ind1="{(@i1, ' ')[1]}" ind2="{(@i2, ' ')[1]}">
          <xsl:if test="$occ != ''"><marc:subfield code="6">880-<xsl:value-of select="$occ"/></marc:subfield></xsl:if>
          <xsl:for-each select="r:s">
            <xsl:variable name="v" select="string(.)"/>
            <xsl:variable name="roman" select="if (@k = 'none') then ''
                else if (@k = 'title-list') then string-join(tokenize($v, ' -- ') ! (if (r:has-han(.)) then r:roman(., 'title') else .), ' -- ')
                else r:roman($v, replace((@k, 'title')[1], '-inverted$', ''))"/>
            <xsl:variable name="text" select="if ($roman = '') then $v else if (@k = 'person-inverted') then r:inverted($roman) else $roman"/>
            <marc:subfield code="{@c}"><xsl:value-of select="concat(@pre, $text, @post)"/></marc:subfield>
          </xsl:for-each>
        </marc:datafield>
      </xsl:for-each>
      <xsl:for-each select="$linked">
        <marc:datafield tag="880" ind1="{(@i1, ' ')[1]}" ind2="{(@i2, ' ')[1]}">
          <marc:subfield code="6"><xsl:value-of select="concat(@tag, '-', format-number(position(), '00'), '/$1')"/></marc:subfield>
          <xsl:for-each select="r:s">
            <marc:subfield code="{@c}"><xsl:value-of select="concat(@pre, ., @post)"/></marc:subfield>
          </xsl:for-each>
        </marc:datafield>
      </xsl:for-each>
    </marc:record>
  </xsl:template>

  <!-- yymmdd of a W3CDTF date, or six blanks' worth of fill. -->
  <xsl:function name="r:yymmdd" as="xs:string">
    <xsl:param name="d" as="xs:string"/>
    <xsl:sequence select="if (matches($d, '^\d{4}-\d{2}-\d{2}')) then concat(substring($d, 3, 2), substring($d, 6, 2), substring($d, 9, 2)) else '||||||'"/>
  </xsl:function>

  <!-- 005: yyyymmddhhmmss.f from the record date (midnight: the metadata has no time of day). -->
  <xsl:function name="r:f005" as="element(r:f)?">
    <xsl:param name="date" as="xs:string"/>
    <xsl:if test="matches($date, '^\d{4}-\d{2}-\d{2}$')">
      <r:f tag="005" control="yes"><xsl:value-of select="concat(translate($date, '-', ''), '000000.0')"/></r:f>
    </xsl:if>
  </xsl:function>

  <!-- 008/15-17: China (cc) unless the text's places say Taiwan (ch); unknown (xx) for text that is not in simplified script and names no place. -->
  <xsl:function name="r:country" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="place" select="string-join($doc/*/teiHeader/profileDesc/creation/placeName, ' ')"/>
    <xsl:variable name="coded" select="r:subjects($doc)[@kind = 'place'][@code != '']"/>
    <xsl:sequence select="if (matches($place, '台[湾灣]|臺[湾灣]|台北|臺北|高雄|台中|臺中|台南|臺南')) then 'ch '
        else if (exists($coded) or $place != '' or r:script($doc) = 'zh-Hans') then 'cc ' else 'xx '"/>
  </xsl:function>

  <!-- 008 for books (text), 40 positions. -->
  <xsl:function name="r:f008" as="element(r:f)">
    <xsl:param name="entered" as="xs:string"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="date1" as="xs:string"/>
    <xsl:param name="date2" as="xs:string"/>
    <xsl:param name="country" as="xs:string"/>
    <xsl:param name="literary" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <r:f tag="008" control="yes"><xsl:value-of select="concat(r:yymmdd($entered), $type, $date1, $date2, $country,
        '    ', ' ', 'o', '    ', 'u', '0', '0', '0', ' ', $literary, ' ', $lang, ' ', 'd')"/></r:f>
  </xsl:function>

  <xsl:function name="r:s" as="element(r:s)">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="pre" as="xs:string"/>
    <xsl:param name="post" as="xs:string"/>
    <r:s c="{$code}" k="{$kind}"><xsl:if test="$pre != ''"><xsl:attribute name="pre" select="$pre"/></xsl:if>
      <xsl:if test="$post != ''"><xsl:attribute name="post" select="$post"/></xsl:if><xsl:value-of select="$value"/></r:s>
  </xsl:function>

  <!-- A value with the ISBD full stop, unless it already ends in one (or in ? ! or a closing bracket after one). -->
  <xsl:function name="r:stop" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (matches($s, '[.?!。？！…]\]?$|\.\.\.\]?$')) then '' else '.'"/>
  </xsl:function>

  <!-- ===== a document -->
  <xsl:function name="r:document-fields" as="element(r:f)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="h" select="$doc/*/teiHeader"/>
    <xsl:variable name="script" select="r:script($doc)"/>
    <xsl:variable name="lang" select="r:lang639($doc)"/>
    <xsl:variable name="d" select="r:date($h)"/>
    <xsl:variable name="agents" select="r:agents($h)"/>
    <!-- The main entry: whom the title statement credits, else the issuing body; a speaker at a meeting a report gives is an added entry. -->
    <xsl:variable name="main" select="r:main-entry($agents)"/>
    <xsl:variable name="title" select="r:title($h)"/>
    <xsl:variable name="devised" select="r:devised($h)"/>
    <xsl:variable name="canonical" select="r:canonical($doc)"/>
    <xsl:variable name="record-date" select="r:record-date($doc)"/>
    <xsl:variable name="genre" select="r:genre-term($h)"/>
    <xsl:variable name="origin" select="r:original-publisher($h)"/>
    <xsl:variable name="published" select="r:published($h)"/>
    <xsl:variable name="media" select="r:media-type($h)"/>
    <xsl:variable name="edition-title" select="r:edition-title($doc)"/>
    <xsl:variable name="id" select="if ($docid != '') then $docid else normalize-space(($h/fileDesc/publicationStmt/idno[@type = 'jiaokan'])[1])"/>
    <xsl:variable name="year1" select="substring(($d?when[. != ''], $d?from[. != ''])[1], 1, 4)"/>

    <r:f tag="001" control="yes"><xsl:value-of select="$id"/></r:f>
    <xsl:sequence select="r:f003($doc)"/>
    <xsl:sequence select="r:f005($record-date)"/>
    <r:f tag="006" control="yes">m     o  d        </r:f>
    <r:f tag="007" control="yes">cr |||||||||||</r:f>
    <xsl:variable name="type" select="if ($d?when != '' and $d?cert = 'high' and not($d?inferred) and matches($d?when, '^\d{4}-\d{2}-\d{2}$')) then 'e'
        else if ($d?when != '') then 's' else if ($d?from != '' or $d?to != '') then 'q' else 'n'"/>
    <xsl:variable name="date1" select="if ($type = 'n') then 'uuuu' else if ($type = 'q') then (substring($d?from, 1, 4)[. != ''], 'uuuu')[1] else $year1"/>
    <xsl:variable name="date2" select="if ($type = 'e') then concat(substring($d?when, 6, 2), substring($d?when, 9, 2))
        else if ($type = 'q') then (substring($d?to, 1, 4)[. != ''], 'uuuu')[1] else if ($type = 'n') then 'uuuu' else '    '"/>
    <xsl:sequence select="r:f008($record-date, $type, $date1, $date2, r:country($doc), if (lower-case(r:genre($h)) = 'speech') then 's' else '0', $lang)"/>

    <xsl:if test="$canonical != ''">
      <r:f tag="024" i1="7"><xsl:sequence select="r:s('a', $canonical, 'none', '', ''), r:s('2', 'uri', 'none', '', '')"/></r:f>
    </xsl:if>
    <xsl:sequence select="r:f035($doc, $id)"/>
    <r:f tag="040"><xsl:sequence select="r:s('b', 'eng', 'none', '', ''), r:s('e', 'rda', 'none', '', '')"/></r:f>
    <r:f tag="041" i1="0"><xsl:sequence select="r:s('a', $lang, 'none', '', '')"/></r:f>

    <!-- Main entry: 100 or 110 with the relator. -->
    <xsl:if test="$main">
      <xsl:sequence select="r:name-field($main, if ($main/@kind = 'person') then '100' else '110')"/>
    </xsl:if>

    <!-- Title: a devised title in brackets, noted in 500. -->
    <r:f tag="245" i1="{if ($main) then '1' else '0'}" i2="0">
      <xsl:variable name="sor" select="string-join($agents[@credited]/@name, ', ')"/>
      <xsl:variable name="sub" select="r:subtitle($h)"/>
      <xsl:sequence select="r:s('a', $title, 'title', if ($devised) then '[' else '',
          concat(if ($devised) then ']' else '', if ($sub != '') then ' :' else if ($sor != '') then ' /' else r:stop(if ($devised) then ']' else $title)))"/>
      <xsl:if test="$sub != ''">
        <xsl:sequence select="r:s('b', $sub, 'title', '', if ($sor != '') then ' /' else r:stop($sub))"/>
      </xsl:if>
      <xsl:if test="$sor != ''">
        <xsl:sequence select="r:s('c', $sor, if ($agents[@credited][1]/@kind = 'person') then 'person' else 'corporate', '', r:stop($sor))"/>
      </xsl:if>
    </r:f>

    <!-- Publication (a text the source publisher put out) or production (a speech, an internal report). -->
    <xsl:variable name="year" select="r:year-display($d)"/>
    <xsl:variable name="pubyear" select="if ($published != '') then substring($published, 1, 4) else $year"/>
    <xsl:choose>
      <xsl:when test="$origin != '' or $published != ''">
        <r:f tag="264" i2="1">
          <xsl:sequence select="r:s('a', '[Place of publication not identified]', 'none', '', ' :')"/>
          <xsl:sequence select="r:s('b', if ($origin != '') then $origin else '[publisher not identified]', 'corporate', '', if ($pubyear != '') then ',' else '.')"/>
          <xsl:if test="$pubyear != ''"><xsl:sequence select="r:s('c', $pubyear, 'none', '', '.')"/></xsl:if>
        </r:f>
      </xsl:when>
      <xsl:when test="$year != ''">
        <r:f tag="264" i2="0"><xsl:sequence select="r:s('c', $year, 'none', '', '.')"/></r:f>
      </xsl:when>
    </xsl:choose>

    <r:f tag="300"><xsl:sequence select="r:s('a', concat('1 online resource', if (r:bytes($h) != '') then concat(' (1 ', lower-case((r:file-format($media)[. != ''], 'text')[1]), ' file, ', r:bytes($h), ' bytes)') else ''), 'none', '', '')"/></r:f>
    <r:f tag="336"><xsl:sequence select="r:s('a', 'text', 'none', '', ''), r:s('b', 'txt', 'none', '', ''), r:s('2', 'rdacontent', 'none', '', '')"/></r:f>
    <r:f tag="337"><xsl:sequence select="r:s('a', 'computer', 'none', '', ''), r:s('b', 'c', 'none', '', ''), r:s('2', 'rdamedia', 'none', '', '')"/></r:f>
    <r:f tag="338"><xsl:sequence select="r:s('a', 'online resource', 'none', '', ''), r:s('b', 'cr', 'none', '', ''), r:s('2', 'rdacarrier', 'none', '', '')"/></r:f>
    <r:f tag="347"><xsl:sequence select="r:s('a', 'text file', 'none', '', ''), r:s('b', 'XML', 'none', '', ''), r:s('b', 'HTML', 'none', '', ''), r:s('2', 'rdaft', 'none', '', '')"/></r:f>

    <xsl:if test="$edition-title != ''">
      <r:f tag="490" i1="1"><xsl:sequence select="r:s('a', $edition-title, 'title', '', '')"/></r:f>
    </xsl:if>

    <xsl:if test="$devised">
      <r:f tag="500"><xsl:sequence select="r:s('a', r:title-source($h), 'none', '', '')"/></r:f>
    </xsl:if>
    <xsl:if test="$d?note != ''">
      <r:f tag="500"><xsl:sequence select="r:s('a', concat('Date of the text', if ($d?cert = 'low') then ' (uncertain)' else '', ': ', $d?note), 'none', '', r:stop($d?note))"/></r:f>
    </xsl:if>
    <xsl:if test="$d?when != '' or $d?from != ''">
      <r:f tag="518">
        <xsl:sequence select="r:s('d', concat(($d?when[. != ''], concat($d?from, '/', $d?to))[1], if ($d?cert = 'low') then '?' else ''), 'none', '', '')"/>
        <xsl:for-each select="$h/profileDesc/creation/placeName[1][normalize-space()]">
          <xsl:sequence select="r:s('p', normalize-space(.), 'place', '', '')"/>
        </xsl:for-each>
      </r:f>
    </xsl:if>
    <r:f tag="533">
      <xsl:sequence select="r:s('a', 'Electronic reproduction.', 'none', '', '')"/>
      <xsl:variable name="pub" select="r:publisher($doc)"/>
      <xsl:variable name="y" select="substring($record-date, 1, 4)"/>
      <xsl:if test="$pub != ''"><xsl:sequence select="r:s('c', $pub, 'corporate', '', if ($y != '') then ',' else '.')"/></xsl:if>
      <xsl:if test="$y != ''"><xsl:sequence select="r:s('d', $y, 'none', '', '.')"/></xsl:if>
      <xsl:if test="$edition-title != ''"><xsl:sequence select="r:s('f', $edition-title, 'title', '(', ')')"/></xsl:if>
      <xsl:sequence select="r:s('n', concat('TEI P5 XML and HTML, made from the source file', if ($media != '') then concat(' (', $media, ')') else '', '; every editorial intervention is marked in the text.'), 'none', '', '')"/>
    </r:f>
    <xsl:sequence select="r:f540($doc)"/>
    <xsl:if test="$script != ''">
      <r:f tag="546"><xsl:sequence select="r:s('a', 'In Chinese', 'none', '', ''), r:s('b', if ($script = 'zh-Hant') then '(traditional characters).' else '(simplified characters).', 'none', '', '')"/></r:f>
    </xsl:if>
    <r:f tag="588" i1="0"><xsl:sequence select="r:s('a', concat('Description based on the TEI header of the edition''s file', if ($record-date != '') then concat(' (', $record-date, ')') else '', '; machine-generated.'), 'none', '', '')"/></r:f>

    <!-- Subjects from the registers. -->
    <xsl:for-each select="r:subjects($doc)">
      <xsl:choose>
        <xsl:when test="@kind = 'person'">
          <r:f tag="600" i1="1" i2="7"><xsl:sequence select="r:s('a', @name, 'person-inverted', '', ''), r:s('2', 'local', 'none', '', '')"/></r:f>
        </xsl:when>
        <xsl:when test="@kind = 'corporate'">
          <r:f tag="610" i1="2" i2="7"><xsl:sequence select="r:s('a', @name, 'corporate', '', ''), r:s('2', 'local', 'none', '', '')"/></r:f>
        </xsl:when>
        <xsl:otherwise>
          <r:f tag="651" i2="7">
            <xsl:sequence select="r:s('a', @name, 'place', '', '')"/>
            <xsl:if test="@code != ''"><xsl:sequence select="r:s('0', concat('(GBT2260)', @code), 'none', '', '')"/></xsl:if>
            <xsl:sequence select="r:s('2', 'local', 'none', '', '')"/>
          </r:f>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:for-each select="r:keywords($h)">
      <r:f tag="653"><xsl:sequence select="r:s('a', ., 'title', '', '')"/></r:f>
    </xsl:for-each>
    <xsl:if test="exists($genre)">
      <r:f tag="655" i2="7"><xsl:sequence select="r:s('a', $genre?term, 'none', '', '.'), r:s('2', $genre?source, 'none', '', '')"/></r:f>
    </xsl:if>

    <!-- Added entries: everyone else responsible. -->
    <xsl:for-each select="$agents except $main">
      <xsl:sequence select="r:name-field(., if (@kind = 'person') then '700' else '710')"/>
    </xsl:for-each>
    <xsl:if test="$origin != ''">
      <r:f tag="710" i1="2"><xsl:sequence select="r:s('a', $origin, 'corporate', '', ','), r:s('e', 'publisher.', 'none', '', ''), r:s('4', 'pbl', 'none', '', '')"/></r:f>
    </xsl:if>
    <!-- The original: its publisher, title, date and page. -->
    <xsl:if test="$origin != '' or r:page-url($h) != ''">
      <r:f tag="786" i1="0">
        <xsl:if test="$origin != ''"><xsl:sequence select="r:s('a', $origin, 'corporate', '', '.')"/></xsl:if>
        <xsl:sequence select="r:s('t', $title, 'title', if ($devised) then '[' else '', if ($devised) then ']' else '')"/>
        <xsl:if test="$published != ''"><xsl:sequence select="r:s('d', $published, 'none', '', '')"/></xsl:if>
        <xsl:if test="r:page-url($h) != ''"><xsl:sequence select="r:s('o', r:page-url($h), 'none', '', '')"/></xsl:if>
      </r:f>
    </xsl:if>
    <xsl:if test="$edition-title != ''">
      <r:f tag="830" i2="0"><xsl:sequence select="r:s('a', $edition-title, 'title', '', r:stop($edition-title))"/></r:f>
    </xsl:if>
    <xsl:if test="$canonical != ''">
      <r:f tag="856" i1="4" i2="0"><xsl:sequence select="r:s('u', $canonical, 'none', '', ''), r:s('q', 'text/html', 'none', '', '')"/></r:f>
      <xsl:if test="r:tei-url($canonical) != ''">
        <r:f tag="856" i1="4" i2="0"><xsl:sequence select="r:s('3', 'TEI P5 XML', 'none', '', ''), r:s('u', r:tei-url($canonical), 'none', '', ''), r:s('q', 'application/tei+xml', 'none', '', '')"/></r:f>
      </xsl:if>
    </xsl:if>
    <xsl:if test="r:page-url($h) != ''">
      <r:f tag="856" i1="4" i2="2"><xsl:sequence select="r:s('3', 'Original web page', 'none', '', ''), r:s('u', r:page-url($h), 'none', '', '')"/></r:f>
    </xsl:if>
  </xsl:function>

  <!-- 100/110/700/710 with the relator term and code. -->
  <xsl:function name="r:name-field" as="element(r:f)">
    <xsl:param name="a" as="element(r:agent)"/>
    <xsl:param name="tag" as="xs:string"/>
    <r:f tag="{$tag}" i1="{if ($a/@kind = 'person') then '1' else '2'}">
      <xsl:sequence select="r:s('a', $a/@name, if ($a/@kind = 'person') then 'person-inverted' else 'corporate', '', ','),
                            r:s('e', concat(r:relator($a/@role), '.'), 'none', '', ''), r:s('4', $a/@role, 'none', '', '')"/>
    </r:f>
  </xsl:function>

  <!-- 003 and 035 only when the edition names its MARC organisation code. -->
  <xsl:function name="r:org-code" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="normalize-space((r:edition-header($doc)/fileDesc/publicationStmt/idno[lower-case(@type) = ('marc', 'marc-org', 'isil')])[1])"/>
  </xsl:function>

  <xsl:function name="r:f003" as="element(r:f)?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:if test="r:org-code($doc) != ''"><r:f tag="003" control="yes"><xsl:value-of select="r:org-code($doc)"/></r:f></xsl:if>
  </xsl:function>

  <xsl:function name="r:f035" as="element(r:f)?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:if test="r:org-code($doc) != ''"><r:f tag="035"><xsl:sequence select="r:s('a', concat('(', r:org-code($doc), ')', $id), 'none', '', '')"/></r:f></xsl:if>
  </xsl:function>

  <xsl:function name="r:f540" as="element(r:f)?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="l" select="r:licence($doc)"/>
    <xsl:if test="$l">
      <r:f tag="540">
        <xsl:sequence select="r:s('a', normalize-space($l), 'none', '', r:stop(normalize-space($l)))"/>
        <xsl:if test="r:http($l/@target) != ''"><xsl:sequence select="r:s('u', r:http($l/@target), 'none', '', '')"/></xsl:if>
      </r:f>
    </xsl:if>
  </xsl:function>

  <!-- ===== the edition -->
  <xsl:function name="r:edition-fields" as="element(r:f)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="h" select="$doc/teiCorpus/teiHeader[1]"/>
    <xsl:variable name="date" select="r:record-date($doc)"/>
    <xsl:variable name="year" select="substring($date, 1, 4)"/>
    <xsl:variable name="url" select="r:edition-url($doc)"/>
    <xsl:variable name="title" select="r:edition-title($doc)"/>
    <xsl:variable name="scripts" select="distinct-values($documents ! r:script(.))[. != '']"/>
    <xsl:variable name="langs" select="distinct-values($documents ! r:lang639(.))"/>
    <xsl:variable name="id" select="concat(normalize-space(($h/fileDesc/publicationStmt/idno[@type = 'prefix'])[1]), 'edition')"/>
    <r:f tag="001" control="yes"><xsl:value-of select="$id"/></r:f>
    <xsl:sequence select="r:f003($doc)"/>
    <xsl:sequence select="r:f005($date)"/>
    <r:f tag="006" control="yes">m     o  d        </r:f>
    <r:f tag="007" control="yes">cr |||||||||||</r:f>
    <xsl:sequence select="r:f008($date, if ($year != '') then 's' else 'n', ($year[. != ''], 'uuuu')[1], if ($year != '') then '    ' else 'uuuu',
        if (some $d in $documents satisfies r:country($d) = 'cc ') then 'cc ' else 'xx ', '0', ($langs[1], 'und')[1])"/>
    <xsl:if test="$url != ''">
      <r:f tag="024" i1="7"><xsl:sequence select="r:s('a', $url, 'none', '', ''), r:s('2', 'uri', 'none', '', '')"/></r:f>
    </xsl:if>
    <xsl:sequence select="r:f035($doc, $id)"/>
    <r:f tag="040"><xsl:sequence select="r:s('b', 'eng', 'none', '', ''), r:s('e', 'rda', 'none', '', '')"/></r:f>
    <xsl:if test="exists($langs)">
      <r:f tag="041" i1="0"><xsl:sequence select="$langs ! r:s('a', ., 'none', '', '')"/></r:f>
    </xsl:if>
    <r:f tag="245" i1="0" i2="0"><xsl:sequence select="r:s('a', $title, 'title', '', r:stop($title))"/></r:f>
    <xsl:for-each select="$h/fileDesc/editionStmt/edition[normalize-space()]">
      <r:f tag="250"><xsl:sequence select="r:s('a', normalize-space(.), 'none', '', r:stop(normalize-space(.)))"/></r:f>
    </xsl:for-each>
    <xsl:variable name="pub" select="r:publisher($doc)"/>
    <r:f tag="264" i2="1">
      <xsl:sequence select="r:s('a', '[Place of publication not identified]', 'none', '', ' :')"/>
      <xsl:sequence select="r:s('b', ($pub[. != ''], '[publisher not identified]')[1], 'corporate', '', if ($year != '') then ',' else '.')"/>
      <xsl:if test="$year != ''"><xsl:sequence select="r:s('c', $year, 'none', '', '.')"/></xsl:if>
    </r:f>
    <r:f tag="300"><xsl:sequence select="r:s('a', concat('1 online resource (', count($documents), if (count($documents) = 1) then ' document)' else ' documents)'), 'none', '', '')"/></r:f>
    <r:f tag="336"><xsl:sequence select="r:s('a', 'text', 'none', '', ''), r:s('b', 'txt', 'none', '', ''), r:s('2', 'rdacontent', 'none', '', '')"/></r:f>
    <r:f tag="337"><xsl:sequence select="r:s('a', 'computer', 'none', '', ''), r:s('b', 'c', 'none', '', ''), r:s('2', 'rdamedia', 'none', '', '')"/></r:f>
    <r:f tag="338"><xsl:sequence select="r:s('a', 'online resource', 'none', '', ''), r:s('b', 'cr', 'none', '', ''), r:s('2', 'rdacarrier', 'none', '', '')"/></r:f>
    <r:f tag="347"><xsl:sequence select="r:s('a', 'text file', 'none', '', ''), r:s('b', 'XML', 'none', '', ''), r:s('b', 'HTML', 'none', '', ''), r:s('2', 'rdaft', 'none', '', '')"/></r:f>
    <xsl:for-each select="$h/fileDesc/sourceDesc/p[normalize-space()]">
      <r:f tag="500"><xsl:sequence select="r:s('a', normalize-space(.), 'title', '', '')"/></r:f>
    </xsl:for-each>
    <xsl:if test="exists($documents)">
      <xsl:variable name="titles" select="for $i in 1 to count($documents) return
          (if (r:devised($documents[$i]/*/teiHeader)) then concat('[', r:title($documents[$i]/*/teiHeader, $docids[$i]), ']')
           else r:title($documents[$i]/*/teiHeader, $docids[$i]))"/>
      <!-- ISO 2709 holds at most 9,999 bytes in a field and 99,999 in a record, and a romanised title is about
           twice as long as its characters in UTF-8: the contents list the titles in fields of up to
           $r:contents-field characters, up to $r:contents-total in all (the formatted contents may be
           repeated), and the last says how many documents it leaves out. -->
      <xsl:variable name="kept" as="xs:string*">
        <xsl:iterate select="$titles">
          <xsl:param name="used" as="xs:integer" select="0"/>
          <xsl:variable name="length" select="string-length(.) + 4"/>
          <xsl:choose>
            <xsl:when test="$used + $length gt $r:contents-total"><xsl:break/></xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="."/>
              <xsl:next-iteration><xsl:with-param name="used" select="$used + $length"/></xsl:next-iteration>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:iterate>
      </xsl:variable>
      <xsl:variable name="left-out" select="count($titles) - count($kept)"/>
      <xsl:iterate select="$kept">
        <xsl:param name="chunk" as="xs:string*" select="()"/>
        <xsl:param name="first" as="xs:boolean" select="true()"/>
        <xsl:on-completion>
          <xsl:sequence select="r:f505($chunk, $first, true(), $left-out)"/>
        </xsl:on-completion>
        <xsl:choose>
          <xsl:when test="exists($chunk) and sum($chunk ! (string-length(.) + 4)) + string-length(.) gt $r:contents-field">
            <xsl:sequence select="r:f505($chunk, $first, false(), $left-out)"/>
            <xsl:next-iteration>
              <xsl:with-param name="chunk" select="."/>
              <xsl:with-param name="first" select="false()"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:next-iteration><xsl:with-param name="chunk" select="($chunk, .)"/></xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:if>
    <xsl:sequence select="r:f540($doc)"/>
    <xsl:if test="exists($scripts)">
      <r:f tag="546"><xsl:sequence select="r:s('a', 'In Chinese', 'none', '', ''),
          r:s('b', concat('(', string-join($scripts ! (if (. = 'zh-Hant') then 'traditional' else 'simplified'), ' and '), ' characters).'), 'none', '', '')"/></r:f>
    </xsl:if>
    <r:f tag="588" i1="0"><xsl:sequence select="r:s('a', concat('Description based on the edition''s TEI header', if ($date != '') then concat(' (', $date, ')') else '', '; machine-generated.'), 'none', '', '')"/></r:f>
    <xsl:for-each select="$h/fileDesc/titleStmt/editor[normalize-space()]">
      <xsl:variable name="body" select="exists(orgName) or matches(., '(team|project|group|committee|board|office|society|institute|centre|center|university|部|组|組|委员会|委員會|中心|研究所|办公室|辦公室)', 'i')"/>
      <r:f tag="{if ($body) then '710' else '700'}" i1="{if ($body) then '2' else '1'}">
        <xsl:sequence select="r:s('a', normalize-space(.), if ($body) then 'corporate' else 'person-inverted', '', ','), r:s('e', 'editor.', 'none', '', ''), r:s('4', 'edt', 'none', '', '')"/>
      </r:f>
    </xsl:for-each>
    <xsl:if test="$url != ''">
      <r:f tag="856" i1="4" i2="0"><xsl:sequence select="r:s('u', $url, 'none', '', ''), r:s('q', 'text/html', 'none', '', '')"/></r:f>
    </xsl:if>
  </xsl:function>

  <!-- Characters of titles in one contents field, and in all of them (see the edition record's 505). -->
  <xsl:variable name="r:contents-field" as="xs:integer" select="600"/>
  <xsl:variable name="r:contents-total" as="xs:integer" select="6000"/>

  <!-- One formatted contents field: 0 "Contents" for the first of complete contents, 2 "Partial contents" for the
       first of incomplete ones, 8 (no display constant) for those that go on; the last says how many documents
       ($left-out) the contents leave out. -->
  <xsl:function name="r:f505" as="element()?">
    <xsl:param name="titles" as="xs:string*"/>
    <xsl:param name="first" as="xs:boolean"/>
    <xsl:param name="last" as="xs:boolean"/>
    <xsl:param name="left-out" as="xs:integer"/>
    <xsl:if test="exists($titles)">
      <xsl:variable name="end" select="if (not($last)) then ' --' else if ($left-out gt 0)
          then concat(' -- [and ', $left-out, if ($left-out = 1) then ' more document]' else ' more documents]') else ''"/>
      <r:f tag="505" i1="{if (not($first)) then '8' else if ($left-out gt 0) then '2' else '0'}">
        <xsl:sequence select="r:s('a', concat(string-join($titles, ' -- '), $end), 'title-list', '', '')"/>
      </r:f>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
