<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a TEI document in XSL-FO (mode p:fo): the regularised reading, with every intervention noted.
  What the regularised reading leaves out (jammer noise, converter pinyin, forme work, deletions, characters XML
  cannot carry) and what it changes (corrections, regularisations, restored words) gets a numbered footnote quoting
  the source; a source's redaction mark stays in the text as it stands, with a footnote saying it is the source's.
  In block context (no line to hang a footnote on) the note is a small block of its own, with the same number.
  Every block with an xml:id carries ¶N, the site's paragraph number. An element without a template of its own shows
  its text in its place: a block in block context, an inline inside text.
  Tunnel parameters: $inline (inside a line), $in-note (inside a footnote: no further notes, ids or links),
  $pn (the document's paragraph numbers) and $nn (its note numbers).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:p="urn:x-jiaokan:pdf"
    xmlns:xi="http://www.w3.org/2001/XInclude"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- Elements that never make a block of their own (as html/text.xsl's f:phrasing). -->
  <xsl:variable name="p:phrasing" as="xs:string*" select="('hi', 'emph', 'foreign', 'persName', 'placeName', 'orgName',
      'name', 'rs', 'term', 'date', 'time', 'roleName', 'num', 'measure', 'title', 'ref', 'ptr', 'choice', 'sic', 'corr',
      'orig', 'reg', 'abbr', 'expan', 'surplus', 'supplied', 'unclear', 'del', 'add', 'gap', 'lb', 'pb', 'cb', 'g',
      'anchor', 'c', 'w', 'pc', 'mentioned', 'soCalled', 'gloss', 'distinct', 'geogName', 'surname', 'forename',
      'addName', 'genName', 'settlement', 'country', 'region', 'bloc', 'district', 'idno', 'affiliation', 'damage',
      'space', 'handShift', 'note', 'index', 'milestone')"/>

  <!-- ===== numbering of interventions ===== -->

  <xsl:function name="p:is-iv" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="local-name($e) = ('surplus', 'del', 'fw', 'note', 'choice') and namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'
        or $e/self::sic[not(parent::choice)] or $e/self::seg[@type = 'redaction'][not(parent::choice)] or $e/self::g[not(node())]"/>
  </xsl:function>

  <!-- The footnote numbers of one document: node id → N, interventions inside another one not counted. -->
  <xsl:function name="p:note-numbers" as="map(xs:string, xs:integer)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="all" select="($doc//text, $doc/*[not(self::TEI or self::teiCorpus)])//*[p:is-iv(.)]"/>
    <xsl:map>
      <xsl:for-each select="$all[not(ancestor::* intersect $all)]">
        <xsl:map-entry key="generate-id(.)" select="position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:function>

  <!-- ===== generic: text in its place ===== -->

  <!-- A line break of the source's layout between two CJK characters is no space in Chinese. -->
  <xsl:template match="text()" mode="p:fo">
    <xsl:value-of select="replace(., '([\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}])[ \t\r]*\n\s*([\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}])', '$1$2')"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="p:fo"/>
  <xsl:template match="teiHeader | facsimile | standOff | xenoData | interpGrp | linkGrp | spanGrp" mode="p:fo"/>

  <xsl:template match="*" mode="p:fo">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="leaf" select="not($inline) and (local-name() = $f:leaf-blocks or text()[normalize-space()])"/>
    <xsl:choose>
      <xsl:when test="$inline or local-name() = $p:phrasing">
        <fo:inline>
          <xsl:sequence select="p:own-lang(.)"/>
          <xsl:call-template name="p:anchor"/>
          <xsl:if test="self::item or self::l or self::p"><xsl:call-template name="p:pnum"/></xsl:if>
          <xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
        </fo:inline>
      </xsl:when>
      <xsl:when test="$leaf">
        <fo:block space-after="0.55em" role="P">
          <xsl:sequence select="p:own-lang(.)"/>
          <xsl:call-template name="p:anchor"/>
          <xsl:if test="self::item"><xsl:attribute name="start-indent" select="'inherited-property-value(start-indent) + 1.5em'"/></xsl:if>
          <xsl:if test="self::quote or self::q or self::epigraph or self::bibl">
            <xsl:attribute name="start-indent" select="'inherited-property-value(start-indent) + 2em'"/>
          </xsl:if>
          <xsl:call-template name="p:pnum"/>
          <xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block>
          <xsl:sequence select="p:own-lang(.)"/>
          <xsl:call-template name="p:anchor"/>
          <xsl:apply-templates mode="p:fo"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The element's id when the site's page has it (so that DOCID.html#ID names the same block). -->
  <xsl:template name="p:anchor">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="not($in-note) and p:has-site-id(.)"><xsl:attribute name="id" select="p:id(.)"/></xsl:if>
  </xsl:template>

  <!-- ¶N: the site's paragraph number of the block. -->
  <xsl:template name="p:pnum">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="pn" tunnel="yes" as="map(xs:string, xs:integer)" select="map{}"/>
    <xsl:variable name="n" select="$pn(generate-id(.))"/>
    <xsl:if test="exists($n) and not($in-note) and p:has-site-id(.)">
      <fo:inline font-family="{$sans}" font-size="6.5pt" color="{$p:muted}" xml:lang="zh-Hans">¶<xsl:value-of select="$n"/></fo:inline>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Headings: sans, by depth. -->
  <xsl:template match="head" mode="p:fo">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline or parent::list or parent::table or parent::lg or parent::figure"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="level" select="min((6, 2 + count(ancestor::*[self::div or self::floatingText][head]) - (if (parent::div or parent::floatingText) then 1 else 0)))"/>
        <fo:block id="{p:id(.)}" role="H{$level}" font-family="{$sans}" font-size="{(13, 12, 11, 10.5, 10.5)[$level - 1]}pt"
            line-height="1.5" space-before="1em" space-after="0.6em" keep-with-next.within-page="always">
          <xsl:sequence select="p:own-lang(.)"/>
          <xsl:call-template name="p:pnum"/>
          <xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== interventions ===== -->

  <!-- The note of an intervention: a footnote in a line, a small block of its own in block context, nothing inside a note. -->
  <xsl:template name="p:note">
    <xsl:param name="explain" as="node()*"/>
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="nn" tunnel="yes" as="map(xs:string, xs:integer)" select="map{}"/>
    <xsl:variable name="n" select="$nn(generate-id(.))"/>
    <xsl:variable name="body" as="node()*">
      <fo:inline font-family="{$sans}"><xsl:value-of select="$n"/></fo:inline>
      <xsl:text> </xsl:text>
      <xsl:sequence select="$explain"/>
      <xsl:sequence select="p:cert(@cert)"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$in-note or empty($n)"/>
      <xsl:when test="$inline">
        <fo:footnote role="Span">
          <fo:inline font-family="{$sans}" font-size="6pt" baseline-shift="super" color="{$p:muted}"><xsl:value-of select="$n"/></fo:inline>
          <fo:footnote-body>
            <fo:block font-size="{$p:small}" line-height="1.5" start-indent="0" end-indent="0" text-indent="0" space-after="0.6mm"
                font-family="{$serif}" font-weight="normal" xml:lang="zh-Hans">
              <xsl:sequence select="$body"/>
            </fo:block>
          </fo:footnote-body>
        </fo:footnote>
      </xsl:when>
      <xsl:otherwise>
        <fo:block font-size="{$p:small}" line-height="1.5" color="{$p:muted}" space-after="0.55em" xml:lang="zh-Hans">
          <xsl:sequence select="$body"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="p:cert" as="node()*">
    <xsl:param name="cert" as="attribute()?"/>
    <xsl:if test="$cert = ('high', 'medium', 'low')">
      <xsl:value-of select="'（' || f:t('cert.label') || f:t('cert.' || $cert) || '）'"/>
    </xsl:if>
  </xsl:function>

  <!-- 「source text」 inside a note: the nodes as the source has them, without further notes. -->
  <xsl:template name="p:quote">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:text>「</xsl:text>
    <fo:inline>
      <xsl:sequence select="p:lang-attrs((f:lang(($nodes, .)[1]), p:doc-lang(root(.)))[1])"/>
      <xsl:apply-templates select="$nodes" mode="p:fo">
        <xsl:with-param name="inline" tunnel="yes" select="true()"/>
        <xsl:with-param name="in-note" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </fo:inline>
    <xsl:text>」</xsl:text>
  </xsl:template>

  <!-- Left out of the regularised reading: noise, deletions, forme work. Inside a note they show as they stand. -->
  <xsl:template match="surplus | del | fw" mode="p:fo">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$in-note"><xsl:apply-templates mode="p:fo"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="p:note">
          <xsl:with-param name="explain" as="node()*">
            <xsl:value-of select="f:t(if (self::surplus) then 'iv.surplus.' || (@reason[. = ('jammer', 'converter-pinyin')], 'other')[1]
                else if (self::del) then 'iv.del' else 'iv.fw')"/>
            <xsl:call-template name="p:quote"><xsl:with-param name="nodes" select="node()"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- choice: the editor's form in the text, the source's in the note. -->
  <xsl:template match="choice" mode="p:fo">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="source" select="(sic | orig | abbr | seg[@type = 'redaction'])[1]"/>
    <xsl:variable name="editor" select="(corr | reg | expan | supplied)[1]"/>
    <xsl:choose>
      <xsl:when test="$in-note"><xsl:apply-templates select="($source, *[1])[1]" mode="p:fo"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="($editor, *[1])[1]/node()" mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
        <xsl:call-template name="p:note">
          <xsl:with-param name="explain" as="node()*">
            <xsl:value-of select="f:t(if ($source/self::seg) then 'iv.redaction' else 'iv.sic')"/>
            <xsl:call-template name="p:quote"><xsl:with-param name="nodes" select="$source/node()"/></xsl:call-template>
            <xsl:if test="$editor">
              <xsl:value-of select="'；' || f:t(if ($editor/self::supplied) then 'iv.supplied' else 'iv.corr')"/>
              <xsl:call-template name="p:quote"><xsl:with-param name="nodes" select="$editor/node()"/></xsl:call-template>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- sic outside a choice: in the text as it stands, marked. -->
  <xsl:template match="sic" mode="p:fo">
    <fo:inline><xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></fo:inline>
    <xsl:call-template name="p:note">
      <xsl:with-param name="explain" as="node()*"><xsl:value-of select="f:t('iv.sic')"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A redaction of the source: shown as in the source; words an editor restored inside it are what the reader sees. -->
  <xsl:template match="seg[@type = 'redaction']" mode="p:fo">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="mark" select="node()[not(self::supplied)]"/>
    <fo:inline>
      <xsl:apply-templates select="if (supplied and not($in-note)) then supplied/node() else $mark" mode="p:fo">
        <xsl:with-param name="inline" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </fo:inline>
    <xsl:if test="not(parent::choice)">
      <xsl:call-template name="p:note">
        <xsl:with-param name="explain" as="node()*">
          <xsl:value-of select="f:t('iv.redaction')"/>
          <xsl:call-template name="p:quote"><xsl:with-param name="nodes" select="$mark"/></xsl:call-template>
          <xsl:if test="supplied">
            <xsl:value-of select="'；' || f:t('iv.supplied')"/>
            <xsl:call-template name="p:quote"><xsl:with-param name="nodes" select="supplied/node()"/></xsl:call-template>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="supplied" mode="p:fo">
    <fo:inline><xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></fo:inline>
  </xsl:template>

  <!-- A note of the source or the editor: a footnote. -->
  <xsl:template match="note" mode="p:fo">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="not($in-note)">
      <xsl:call-template name="p:note">
        <xsl:with-param name="explain" as="node()*">
          <fo:inline>
            <xsl:sequence select="p:lang-attrs(f:lang(.))"/>
            <xsl:apply-templates mode="p:fo">
              <xsl:with-param name="inline" tunnel="yes" select="true()"/>
              <xsl:with-param name="in-note" tunnel="yes" select="true()"/>
            </xsl:apply-templates>
          </fo:inline>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A byte of the source its encoding cannot decode: the mark of an illegible character, 〓, with the byte in a footnote. -->
  <xsl:template match="g[@type = 'damage'][not(node())]" mode="p:fo" priority="1">
    <xsl:variable name="hex" select="upper-case(if (matches(@subtype, '^byte-[0-9A-Fa-f]{2}$')) then substring-after(@subtype, 'byte-')
        else if (matches(@ref, '^#UDC[0-9A-Fa-f]{2}$')) then substring(@ref, 5) else '')"/>
    <fo:inline>〓</fo:inline>
    <xsl:call-template name="p:note">
      <xsl:with-param name="explain" as="node()*"><xsl:value-of select="f:t('iv.damage') || ' ' || (if ($hex = '') then '?' else '0x' || $hex)"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A character XML cannot carry: noted by its code. -->
  <xsl:key name="p:char" match="char[@xml:id]" use="@xml:id"/>
  <xsl:template match="g[not(node())]" mode="p:fo">
    <!-- its code point as the charDecl maps it (U+0000), not the id of that entry, which begins with the document's key -->
    <xsl:variable name="id" select="substring-after(@ref, '#')"/>
    <xsl:variable name="cp" select="string((key('p:char', $id, root())/mapping[@type = 'codepoint'])[1])"/>
    <xsl:call-template name="p:note">
      <xsl:with-param name="explain" as="node()*"><xsl:value-of select="f:t('iv.g') || ' ⟨' || ($cp[. != ''], $id)[1] || '⟩'"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== names, links, milestones ===== -->

  <!-- A mention of a person, place or organisation: an id, so that the index can give its page. -->
  <xsl:template match="persName | placeName | orgName | name | rs" mode="p:fo">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <fo:inline>
      <xsl:sequence select="p:own-lang(.)"/>
      <xsl:if test="not($in-note) and exists(p:index-kind(.))"><xsl:attribute name="id" select="p:mention-id(.)"/></xsl:if>
      <xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
    </fo:inline>
  </xsl:template>

  <xsl:function name="p:mention-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="p:key(root($e)) || '.m' || replace(generate-id($e), '^d[0-9]+', '')"/>
  </xsl:function>

  <!-- person, place or org when the name points at a register entry (or says its kind), else (). -->
  <xsl:function name="p:index-kind" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="id" select="f:entity-id($e)"/>
    <xsl:sequence select="if (exists($id) and $e/(@ref or @key)) then f:entity-kind($e, $id)[. = ('person', 'place', 'org')] else ()"/>
  </xsl:function>

  <!-- Links from the source: http(s) and mailto only, with the target as their description. -->
  <xsl:template match="ref | ptr" mode="p:fo">
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="t" select="normalize-space(tokenize(normalize-space(@target), ' ')[1])"/>
    <xsl:variable name="url" select="f:safe-url($t)[matches(., '^(https?://|mailto:)', 'i')]"/>
    <xsl:variable name="label" as="node()*">
      <xsl:choose>
        <xsl:when test="self::ptr"><xsl:value-of select="'[' || p:breakable($t) || ']'"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/><xsl:with-param name="in-note" tunnel="yes" select="true()"/></xsl:apply-templates></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($url) and not($in-note)">
        <fo:basic-link external-destination="url('{replace($url, '[''()\\]', '')}')" fox:alt-text="{$url}" color="#1a4d80"><xsl:sequence select="$label"/></fo:basic-link>
      </xsl:when>
      <xsl:otherwise><fo:inline><xsl:sequence select="$label"/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xi:include" mode="p:fo"><fo:inline><xsl:value-of select="'[' || @href || ']'"/></fo:inline></xsl:template>
  <!-- A line break: a new line in the text; a space inside a note (a footnote's inline may not hold a block). -->
  <xsl:template match="lb" mode="p:fo">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="in-note" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$in-note"><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="$inline"><fo:block/></xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="pb | cb | milestone" mode="p:fo">
    <xsl:if test="@n"><fo:inline color="{$p:muted}"><xsl:value-of select="'[' || @n || ']'"/></fo:inline></xsl:if>
  </xsl:template>
  <xsl:template match="gap" mode="p:fo"><fo:inline>[…]</fo:inline></xsl:template>
  <xsl:template match="graphic | media | binaryObject" mode="p:fo"><fo:inline>〔图〕</fo:inline></xsl:template>
  <xsl:template match="anchor" mode="p:fo"/>

  <xsl:template match="hi[@rend = ('bold', 'b')] | emph" mode="p:fo">
    <fo:inline font-family="{$sans}"><xsl:apply-templates mode="p:fo"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></fo:inline>
  </xsl:template>
</xsl:stylesheet>
