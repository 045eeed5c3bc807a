<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the catalogue records say, read once from a TEI header: the facts the three crosswalks
  (tei2dc.xsl, tei2mods.xsl, tei2marcxml.xsl) share, as functions over the document and the registers.
  The context document is one TEI document (a record of that document) or the edition's teiCorpus
  header (the record of the edition, with $documents holding every document's header).
  jk:pinyin($text, $kind, $names) is the romaniser (kind: title, person, place, corporate; the names
  the record knows, romanised as names where a title has them).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:r="urn:x-jiaokan:records" xmlns:jk="urn:x-jiaokan:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- The edition's registers.xml, its edition.xml, the document's identifier on the site. -->
  <xsl:param name="registers" as="document-node()?" select="()"/>
  <xsl:param name="edition" as="document-node()?" select="()"/>
  <xsl:param name="docid" as="xs:string" select="''"/>
  <!-- For the edition's record: the headers of its documents, in the site's order, and their identifiers. -->
  <xsl:param name="documents" as="document-node()*" select="()"/>
  <xsl:param name="docids" as="xs:string*" select="()"/>

  <xsl:key name="r:id" match="*[@xml:id]" use="@xml:id"/>

  <!-- The edition header: the parameter, or the context when it is the edition itself. -->
  <xsl:function name="r:edition-header" as="element(teiHeader)?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/teiCorpus/teiHeader[1], $edition/teiCorpus/teiHeader[1], $edition/TEI/teiHeader[1])[1]"/>
  </xsl:function>

  <xsl:function name="r:edition-title" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="normalize-space((r:edition-header($doc)/fileDesc/titleStmt/title)[1])"/>
  </xsl:function>

  <xsl:function name="r:edition-url" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="r:http((r:edition-header($doc)/fileDesc/publicationStmt/idno[@type = 'URI'])[1])"/>
  </xsl:function>

  <!-- http(s) URLs only; anything else is dropped. -->
  <xsl:function name="r:http" as="xs:string">
    <xsl:param name="u" as="item()?"/>
    <xsl:variable name="s" select="normalize-space(string($u))"/>
    <xsl:sequence select="if (matches($s, '^https?://[^\s&lt;&gt;&quot;]+$')) then $s else ''"/>
  </xsl:function>

  <!-- ===== the document -->

  <!-- A title's words: its text without an editor's note in it, its white space folded. -->
  <xsl:function name="r:words" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($e//text()[not(ancestor::note)], ''))"/>
  </xsl:function>

  <xsl:function name="r:title-el" as="element(title)?">
    <xsl:param name="h" as="element(teiHeader)"/>
    <!-- those with words: an editor's note in a title is not its words -->
    <xsl:variable name="titles" select="$h/fileDesc/titleStmt/title[r:words(.) != '']"/>
    <xsl:sequence select="($titles[@type = 'main'], $titles[not(@type = 'sub')], $titles)[1]"/>
  </xsl:function>

  <!-- A header without a title: the document's identifier stands for it, as on its page, as a devised title (its
       idno, else the identifier the site gives it, $docid, in a document's own record). -->
  <xsl:function name="r:untitled" as="xs:boolean">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="empty(r:title-el($h))"/>
  </xsl:function>

  <!-- The title's words (an editor's note in it left out, as the page leaves it): a devised title (type="desc")
       without the brackets that mark it. -->
  <xsl:function name="r:title" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="r:title($h, $docid)"/>
  </xsl:function>

  <!-- As r:title#1, an untitled document taking the identifier $id the site gives it where its header has none (in the
       edition's record, its constituents' identifiers, $docids). -->
  <xsl:function name="r:title" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:variable name="t" select="if (r:untitled($h)) then (normalize-space(($h/fileDesc/publicationStmt/idno[@type = 'jiaokan'])[1])[. != ''],
                                   $id[. != ''], 'Untitled document')[1]
                                   else r:words(r:title-el($h))"/>
    <xsl:sequence select="if (r:devised($h)) then replace($t, '^\[(.*)\]$', '$1') else $t"/>
  </xsl:function>

  <!-- The subtitle (titleStmt/title type="sub", an editor's note in it left out), else ''; none where it is the title itself. -->
  <xsl:function name="r:subtitle" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:variable name="sub" select="$h/fileDesc/titleStmt/title[@type = 'sub'][not(. is r:title-el($h))] ! r:words(.)"/>
    <xsl:sequence select="($sub[. != ''], '')[1]"/>
  </xsl:function>

  <xsl:function name="r:devised" as="xs:boolean">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="r:title-el($h)/@type = 'desc' or r:untitled($h)"/>
  </xsl:function>

  <!-- Where a devised title comes from, for the records' notes ('' for a title of the source's). -->
  <xsl:function name="r:title-source" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="if (r:untitled($h)) then 'Untitled: the edition''s identifier of the document stands for its title.'
                          else if (r:devised($h)) then 'Title devised by the editors from the opening words of the text.' else ''"/>
  </xsl:function>

  <!-- zh-Hans, zh-Hant, or '' for text that is not Chinese. -->
  <xsl:function name="r:script" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="l" select="lower-case(($doc/*/@xml:lang, $doc/*/teiHeader/profileDesc/langUsage/language/@ident)[1])"/>
    <xsl:sequence select="if (starts-with($l, 'zh-hant') or $l = ('zh-tw', 'zh-hk', 'zh-mo')) then 'zh-Hant'
                          else if (starts-with($l, 'zh') or $l = ('lzh', 'chi', 'zho')) then 'zh-Hans' else ''"/>
  </xsl:function>

  <!-- zh-Hans or zh-Hant from a name's xml:lang, else the document's script. -->
  <xsl:function name="r:script-of" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:param name="default" as="xs:string"/>
    <xsl:variable name="l" select="lower-case(string($lang))"/>
    <xsl:sequence select="if (starts-with($l, 'zh-hant')) then 'zh-Hant' else if (starts-with($l, 'zh-hans')) then 'zh-Hans' else $default"/>
  </xsl:function>

  <xsl:function name="r:iso15924" as="xs:string">
    <xsl:param name="script" as="xs:string"/>
    <xsl:sequence select="if ($script = 'zh-Hant') then 'Hant' else if ($script = 'zh-Hans') then 'Hans' else ''"/>
  </xsl:function>

  <!-- ISO 639-2/B code of the text's language. -->
  <xsl:function name="r:lang639" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="l" select="lower-case(substring-before(concat(($doc/*/@xml:lang, $doc/*/teiHeader/profileDesc/langUsage/language/@ident, 'und')[1], '-'), '-'))"/>
    <xsl:sequence select="(map{'zh': 'chi', 'lzh': 'chi', 'chi': 'chi', 'zho': 'chi', 'en': 'eng', 'ja': 'jpn', 'ko': 'kor',
                              'fr': 'fre', 'de': 'ger', 'ru': 'rus', 'bo': 'tib', 'ug': 'uig', 'mn': 'mon'}($l), 'und')[1]"/>
  </xsl:function>

  <xsl:function name="r:canonical" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="r:http(($doc/*/teiHeader/fileDesc/publicationStmt/idno[@type = 'URI'])[1])"/>
  </xsl:function>

  <!-- The TEI file beside the page: the canonical URL with .xml for .html. -->
  <xsl:function name="r:tei-url" as="xs:string">
    <xsl:param name="canonical" as="xs:string"/>
    <xsl:sequence select="if (matches($canonical, '\.html$')) then replace($canonical, '\.html$', '.xml') else ''"/>
  </xsl:function>

  <xsl:function name="r:bibl" as="element(bibl)?">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="($h/fileDesc/sourceDesc/bibl)[1]"/>
  </xsl:function>

  <!-- The web page the source was captured from. -->
  <xsl:function name="r:page-url" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="r:http((r:bibl($h)/idno[@type = 'URI'], r:bibl($h)/ref/@target)[1])"/>
  </xsl:function>

  <!-- The body that first published the text (来源), else the bibl's publisher. -->
  <xsl:function name="r:original-publisher" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:variable name="b" select="r:bibl($h)"/>
    <xsl:sequence select="normalize-space(($b/respStmt[contains(resp, 'original source')]/(orgName, name, persName), $b/publisher)[1])"/>
  </xsl:function>

  <xsl:function name="r:published" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="string((r:bibl($h)/date[@type = 'published']/@when)[1])"/>
  </xsl:function>

  <xsl:function name="r:media-type" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="normalize-space((r:bibl($h)/note[@type = 'media-type'])[1])"/>
  </xsl:function>

  <xsl:function name="r:bytes" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="string((r:bibl($h)/extent/measure[@unit = 'byte']/@quantity)[1])"/>
  </xsl:function>

  <!-- The source's file format for a carrier note: TXT, HTML, DOCX. -->
  <xsl:function name="r:file-format" as="xs:string">
    <xsl:param name="media" as="xs:string"/>
    <xsl:sequence select="if (contains($media, 'html')) then 'HTML' else if (contains($media, 'wordprocessingml')) then 'DOCX'
                          else if (starts-with($media, 'text/plain')) then 'TXT' else if ($media = '') then '' else upper-case(replace($media, '^.*/', ''))"/>
  </xsl:function>

  <!-- A web page is born digital; a text or word-processor file is taken as a reformatted copy of its document. -->
  <xsl:function name="r:born-digital" as="xs:boolean">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="contains(r:media-type($h), 'html') or r:page-url($h) != ''"/>
  </xsl:function>

  <!-- ===== dates

    The date the text was made: creation/date (@when, or @notBefore/@notAfter, or @from/@to) with its
    certainty. A map: when (ISO date, may be ''), from, to (years or ISO dates for a range), cert, inferred,
    note (the evidence, in English). -->
  <xsl:function name="r:date" as="map(*)">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:variable name="d" select="($h/profileDesc/creation/date, $h/fileDesc/sourceDesc/bibl/date[@type = 'published'])[1]"/>
    <xsl:variable name="when" select="r:iso(($d/@when, $d/@when-iso)[1])"/>
    <xsl:sequence select="map{
        'when': $when,
        'from': r:iso(($d/@notBefore, $d/@from)[1]),
        'to': r:iso(($d/@notAfter, $d/@to)[1]),
        'cert': string(($d/@cert, if ($d/@evidence) then 'medium' else 'high')[1]),
        'inferred': exists($d/@evidence) and $d/@evidence != 'external' or exists($d/note[@type = 'editorial']),
        'note': normalize-space(string-join($d/note, ' '))}"/>
  </xsl:function>

  <!-- A W3CDTF date (YYYY, YYYY-MM, YYYY-MM-DD) from an ISO value: the longest of its day, month and year that the
       calendar has, with a year of four digits (what follows it, a time, a zone or anything else, left out), or ''. A year
       of five digits was cut to its first four, and 2020-02-30 went into the records as it was (it gives 2020-02). -->
  <xsl:function name="r:iso" as="xs:string">
    <xsl:param name="v" as="item()?"/>
    <xsl:variable name="s" select="normalize-space(string($v))"/>
    <xsl:sequence select="if (not(matches($s, '^\d{4}(\D|$)'))) then ''
        else if (matches($s, '^\d{4}-\d{2}-\d{2}(\D|$)') and substring($s, 1, 10) castable as xs:date) then substring($s, 1, 10)
        else if (matches($s, '^\d{4}-\d{2}(\D|$)') and substring($s, 1, 7) castable as xs:gYearMonth) then substring($s, 1, 7)
        else substring($s, 1, 4)"/>
  </xsl:function>

  <!-- The year of a date as the record shows it: bracketed when inferred, with ? when uncertain. -->
  <xsl:function name="r:year-display" as="xs:string">
    <xsl:param name="d" as="map(*)"/>
    <xsl:variable name="y" select="if ($d?when != '') then substring($d?when, 1, 4)
        else if ($d?from != '' and $d?to != '') then string-join(distinct-values((substring($d?from, 1, 4), substring($d?to, 1, 4))), '-')
        else if ($d?from != '') then concat('not before ', substring($d?from, 1, 4))
        else if ($d?to != '') then concat('not after ', substring($d?to, 1, 4)) else ''"/>
    <xsl:sequence select="if ($y = '') then '' else if ($d?cert = 'low' or starts-with($y, 'not')) then concat('[', $y, '?]')
        else if ($d?inferred or $d?cert = 'medium') then concat('[', $y, ']') else $y"/>
  </xsl:function>

  <!-- The record's own date (MARC 005, MODS recordChangeDate): when the file was published in the edition. -->
  <xsl:function name="r:record-date" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="(r:iso(($doc/*/teiHeader/fileDesc/publicationStmt/date/@when)[1])[. != ''],
        r:iso((r:edition-header($doc)/fileDesc/publicationStmt/date/@when)[1])[. != ''],
        r:iso(($doc/*/teiHeader/revisionDesc/change/@when)[last()])[. != ''], '')[1]"/>
  </xsl:function>

  <!-- ===== who made it

    Persons and bodies responsible, in the order the record lists them: the authors of the title
    statement (speaker, author, reporter, issuing body), the issuing body of the creation, the speaker
    at a meeting a report gives, the reporter, editor and signer of the source. Each an r:agent with
    kind (person, corporate), role (the marcrelator code), name and lang. -->
  <xsl:function name="r:agents" as="element(r:agent)*">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:variable name="b" select="r:bibl($h)"/>
    <xsl:variable name="all" as="element(r:agent)*">
      <xsl:for-each select="$h/fileDesc/titleStmt/author">
        <xsl:sequence select="r:agent(., if (@role = 'issuer' or orgName) then 'corporate' else 'person',
            (map{'speaker': 'spk', 'reporter': 'rpt', 'issuer': 'isb', 'editor': 'edt'}(string(@role)), 'aut')[1]) ! r:credited(.)"/>
      </xsl:for-each>
      <xsl:for-each select="$h/profileDesc/creation/orgName[@type = 'issuer']">
        <xsl:sequence select="r:agent(., 'corporate', 'isb')"/>
      </xsl:for-each>
      <xsl:for-each select="$h/profileDesc/particDesc/listPerson/person[@role = 'speaker']/persName">
        <xsl:sequence select="r:agent(., 'person', 'spk')"/>
      </xsl:for-each>
      <xsl:for-each select="$b/respStmt[(persName, orgName, name)][not(contains(resp, 'original source'))]">
        <xsl:variable name="resp" select="normalize-space(resp)"/>
        <xsl:variable name="code" select="if (starts-with($resp, 'reporter')) then 'rpt' else if (starts-with($resp, 'editor')) then 'edt'
                                          else if (starts-with($resp, 'signed')) then 'sgn' else ''"/>
        <xsl:if test="$code != ''">
          <xsl:sequence select="r:agent((persName, orgName, name)[1], if (orgName) then 'corporate' else 'person', $code)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- A name given twice (as author and as reporter) is one entry, with its first role. -->
    <xsl:sequence select="for $i in 1 to count($all) return $all[$i][not(@name = subsequence($all, 1, $i - 1)/@name)]"/>
  </xsl:function>

  <!-- The record's main entry, MARC's 1XX and MODS's primary name: the first credited agent, else the issuing body. -->
  <xsl:function name="r:main-entry" as="element()?">
    <xsl:param name="agents" as="element()*"/>
    <xsl:sequence select="($agents[@credited], $agents[@role = 'isb'])[1]"/>
  </xsl:function>

  <!-- An agent the title statement credits: the statement of responsibility names it. -->
  <xsl:function name="r:credited" as="element(r:agent)">
    <xsl:param name="a" as="element(r:agent)"/>
    <r:agent credited="yes"><xsl:sequence select="$a/@*"/></r:agent>
  </xsl:function>

  <xsl:function name="r:agent" as="element(r:agent)?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:variable name="name" select="normalize-space($e)"/>
    <xsl:if test="$name != ''">
      <r:agent kind="{$kind}" role="{$role}" name="{$name}" lang="{($e/ancestor-or-self::*/@xml:lang)[last()]}"/>
    </xsl:if>
  </xsl:function>

  <!-- The English term for a relator code. -->
  <xsl:function name="r:relator" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="(map{'aut': 'author', 'spk': 'speaker', 'rpt': 'reporter', 'isb': 'issuing body', 'edt': 'editor',
                              'sgn': 'signer', 'pbl': 'publisher'}($code), $code)[1]"/>
  </xsl:function>

  <!-- ===== subjects

    The register entries the document names (persons, places, organisations), in the registers' order:
    r:subject with kind (person, place, corporate), name (in the document's script where the register
    has it), code (GB/T 2260 for places) and id. Entries scoped to one document (a bare 市委 whose
    place is unknown) name no one outside it and are left out. -->
  <xsl:function name="r:subjects" as="element(r:subject)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="script" select="r:script($doc)"/>
    <xsl:variable name="refs" select="distinct-values(($doc/*/text//@ref, $doc/*/teiHeader/profileDesc//@ref)[starts-with(., 'registers.xml#')]
                                      ! substring-after(., '#'))"/>
    <xsl:if test="exists($registers)">
      <!-- found by their ids (r:id), in document order: not each entry of the registers compared with every id -->
      <xsl:variable name="named" select="key('r:id', $refs, $registers)[not(note[@type = 'scope'])]"/>
      <xsl:for-each select="$named[self::person], $named[self::org], $named[self::place]">
        <!-- The entry's first name is its heading, the same in every record that names it. -->
        <xsl:variable name="head" select="(persName | placeName | orgName)[normalize-space()][1]"/>
        <xsl:variable name="name" select="normalize-space($head)"/>
        <xsl:if test="$name != ''">
          <r:subject kind="{if (self::person) then 'person' else if (self::place) then 'place' else 'corporate'}"
                     name="{$name}" lang="{($head/ancestor-or-self::*/@xml:lang)[last()]}"
                     code="{normalize-space(idno[@type = ('GB2260', 'gbt2260', 'GB/T 2260')][1])}" id="{@xml:id}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:function>

  <xsl:function name="r:keywords" as="xs:string*">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:sequence select="distinct-values($h/profileDesc/textClass/keywords/term ! normalize-space(.)[. != ''])"/>
  </xsl:function>

  <!-- The genre from the header's taxonomy: the words of the category's description before its colon. -->
  <xsl:function name="r:genre" as="xs:string">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:variable name="target" select="substring-after(($h/profileDesc/textClass/catRef/@target)[1], '#')"/>
    <xsl:variable name="cat" select="$h//category[@xml:id = $target]"/>
    <xsl:variable name="desc" select="normalize-space(($cat/catDesc, $cat/gloss)[1])"/>
    <xsl:sequence select="if (contains($desc, ':')) then substring-before($desc, ':') else $desc"/>
  </xsl:function>

  <!-- The genre's authority term: LCGFT for the kinds it has, else the edition's own term. -->
  <xsl:function name="r:genre-term" as="map(*)?">
    <xsl:param name="h" as="element(teiHeader)"/>
    <xsl:variable name="g" select="lower-case(r:genre($h))"/>
    <xsl:sequence select="if ($g = '') then () else if ($g = 'speech') then map{'term': 'Speeches', 'source': 'lcgft'}
        else map{'term': concat(upper-case(substring($g, 1, 1)), substring($g, 2)), 'source': 'local'}"/>
  </xsl:function>

  <!-- ===== rights -->
  <xsl:function name="r:licence" as="element(licence)?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/*/teiHeader/fileDesc/publicationStmt/availability/licence, r:edition-header($doc)/fileDesc/publicationStmt/availability/licence)[1]"/>
  </xsl:function>

  <xsl:function name="r:publisher" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="normalize-space(($doc/*/teiHeader/fileDesc/publicationStmt/publisher, r:edition-header($doc)/fileDesc/publicationStmt/publisher)[1])"/>
  </xsl:function>

  <!-- The names the record knows (kind TAB name), so that a title romanises them as names. -->
  <xsl:variable name="r:hints" as="xs:string*" select="distinct-values((
      (/TEI/teiHeader, $documents/TEI/teiHeader) ! r:agents(.)[@kind = 'person'] ! concat('person&#9;', @name),
      r:subjects(/)[@kind = ('person', 'place')] ! concat(@kind, '&#9;', @name)))"/>

  <!-- The romanisation of a string with Han characters, else ''. -->
  <xsl:function name="r:roman" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="if (r:has-han($s)) then jk:pinyin($s, $kind, $r:hints) else ''"/>
  </xsl:function>

  <xsl:function name="r:has-han" as="xs:boolean">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="matches(string($s), '[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}]')"/>
  </xsl:function>

  <!-- Name of a Chinese person in cataloguing order: "Xi, Jinping" from "Xi Jinping". -->
  <xsl:function name="r:inverted" as="xs:string">
    <xsl:param name="roman" as="xs:string"/>
    <xsl:sequence select="if (matches($roman, '^\S+ \S+$')) then replace($roman, ' ', ', ') else $roman"/>
  </xsl:function>
</xsl:stylesheet>
