<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a TEI document in HTML (mode m:text). Both readings are in the page: what only the
  diplomatic reading shows has class dipl-only, what only the regularised reading shows reg-only;
  the reading switch hides one or the other. Every intervention is styled, carries a symbol, and
  its marker is a button explained on hover and focus. An element without a template of its own
  shows its text in its place: a div in block context, a span inside text.
  Tunnel parameters: $inline (inside running text: only phrasing content may be written) and
  $in-link (inside a link: no buttons or further links).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:m="urn:x-jiaokan:modes" xmlns:jk="urn:x-jiaokan:functions"
    xmlns:xi="http://www.w3.org/2001/XInclude"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <!-- Elements that never make a block of their own. -->
  <xsl:variable name="f:phrasing" static="yes" as="xs:string*" select="('hi', 'emph', 'foreign', 'persName', 'placeName', 'orgName',
      'name', 'rs', 'term', 'date', 'time', 'roleName', 'num', 'measure', 'title', 'ref', 'ptr', 'choice', 'sic', 'corr',
      'orig', 'reg', 'abbr', 'expan', 'surplus', 'supplied', 'unclear', 'del', 'add', 'gap', 'lb', 'pb', 'cb', 'g',
      'anchor', 'c', 'w', 'pc', 'mentioned', 'soCalled', 'gloss', 'distinct', 'geogName', 'surname', 'forename',
      'addName', 'genName', 'settlement', 'country', 'region', 'bloc', 'district', 'idno', 'affiliation', 'damage',
      'space', 'handShift', 'note', 'index', 'milestone')"/>

  <xsl:variable name="f:phrasing-set" static="yes" as="map(xs:string, xs:boolean)" select="map:merge($f:phrasing ! map{.: true()})"/>

  <!-- Paragraph numbers: every element with an xml:id that is a block of text, in document order. -->
  <xsl:variable name="f:pnums" as="map(xs:string, xs:integer)">
    <xsl:map>
      <xsl:for-each select="(//text, /*[not(self::TEI or self::teiCorpus)])//*[@xml:id][map:contains($f:leaf-block-set, local-name()) or self::item]">
        <xsl:map-entry key="generate-id(.)" select="position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <xsl:key name="f:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- The id an element may carry in HTML: its xml:id, when it is the first with that id. -->
  <xsl:function name="f:html-id" as="attribute()?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="id" select="string($e/@xml:id)"/>
    <!-- Not an id holding whitespace (space, tab, CR, LF: XPath's \s) or starting as the page's own ids do ("jk" and two
         hyphens): tested without a regular expression, which would cost microseconds on every block and name. -->
    <xsl:if test="$e/@xml:id and not(starts-with($id, 'jk--')) and translate($id, '&#x20;&#x9;&#xD;&#xA;', '') eq $id and key('f:id', $id, root($e))[1] is $e">
      <xsl:attribute name="id" select="$e/@xml:id"/>
    </xsl:if>
  </xsl:function>


  <!-- ¶N, the block's permalink. -->
  <xsl:template name="f:pnum">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="n" select="$f:pnums(generate-id(.))"/>
    <xsl:if test="exists($n) and @xml:id and not($in-link) and f:html-id(.)">
      <a class="pnum" href="#{@xml:id}" title="{f:t('pnum.label')}" data-i18n-title="pnum.label">¶<xsl:value-of select="$n"/></a>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== generic: text in its place ===== -->

  <xsl:template match="text()" mode="m:text">
    <xsl:choose>
      <xsl:when test="$convert-to != ''"><xsl:value-of select="jk:convert(., $convert-to)"/></xsl:when>
      <xsl:when test="$twin != ''">
        <xsl:variable name="c" select="jk:convert(., $twin)"/>
        <xsl:choose>
          <xsl:when test="$c eq string(.)"><xsl:value-of select="."/></xsl:when>
          <xsl:otherwise><jk-main><xsl:value-of select="."/></jk-main><jk-twin><xsl:value-of select="$c"/></jk-twin></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="m:text"/>
  <xsl:template match="teiHeader | facsimile | standOff | xenoData | tei:interpGrp | tei:linkGrp | tei:spanGrp" mode="m:text"/>

  <xsl:template match="*" mode="m:text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="leaf" select="not($inline) and (map:contains($f:leaf-block-set, local-name()) or text()[normalize-space()])"/>
    <xsl:choose>
      <xsl:when test="$inline or map:contains($f:phrasing-set, local-name())">
        <span class="tei-{local-name()}">
          <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
          <xsl:if test="self::item or self::l or self::p"><xsl:call-template name="f:pnum"/></xsl:if>
          <xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
        </span>
      </xsl:when>
      <xsl:when test="$leaf">
        <div class="blk tei-{local-name()}">
          <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
          <xsl:call-template name="f:pnum"/>
          <span class="bt"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="tei-{local-name()}">
          <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
          <xsl:apply-templates mode="m:text"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Headings: h2 to h6 by depth, in block context. -->
  <xsl:template match="head" mode="m:text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$inline or parent::list or parent::table or parent::lg or parent::figure"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:element name="h{min((6, 2 + count(ancestor::*[self::div or self::floatingText][head]) - (if (parent::div or parent::floatingText) then 1 else 0)))}">
          <xsl:attribute name="class" select="'blk tei-head'"/>
          <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
          <xsl:call-template name="f:pnum"/>
          <xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== interventions ===== -->

  <!-- The marker of an intervention: a symbol on a button, its explanation a tooltip (hover and focus; Escape closes). -->
  <xsl:template name="f:marker">
    <xsl:param name="symbol" as="xs:string"/>
    <xsl:param name="explain" as="node()*"/>
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="dipl-only" as="xs:boolean" select="true()"/>
    <xsl:if test="not($in-link)">
      <xsl:variable name="tip" select="'jk--tip-' || f:id-in-tree(.)"/>  <!-- without the tree's number: the same bytes on every run -->
      <span class="mkw{if ($dipl-only) then ' dipl-only' else ''}">
        <button type="button" class="mk" aria-describedby="{$tip}"><span aria-hidden="true"><xsl:value-of select="$symbol"/></span><span class="vh"><xsl:sequence select="f:ui('iv.marker')"/></span></button>
        <span class="tip" role="tooltip" id="{$tip}"><xsl:sequence select="$explain"/><xsl:sequence select="f:cert(@cert)"/></span>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- generate-id() without the tree's number (d and its digits): for a node of the page's document, its id after the
       document's own, without a regular expression (asked for every marker) -->
  <xsl:variable name="f:doc" select="/"/>
  <xsl:variable name="f:doc-id" select="generate-id(/)"/>
  <xsl:function name="f:id-in-tree" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="g" select="generate-id($n)"/>
    <xsl:sequence select="if (root($n) is $f:doc) then substring($g, string-length($f:doc-id) + 1) else replace($g, '^d[0-9]+', '')"/>
  </xsl:function>

  <xsl:template match="surplus" mode="m:text">
    <xsl:variable name="key" select="'iv.surplus.' || (@reason[. = ('jammer', 'converter-pinyin')], 'other')[1]"/>
    <span class="dipl-only iv iv-surplus" data-reason="{@reason}">
      <span class="ivt"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'⊘'"/>
        <xsl:with-param name="explain" select="f:ui($key)"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="del" mode="m:text">
    <span class="dipl-only iv iv-del">
      <del><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></del>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'⊖'"/>
        <xsl:with-param name="explain" select="f:ui('iv.del')"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- choice: the source's form in the diplomatic reading (with what it became), the editor's in the regularised one. -->
  <xsl:template match="choice" mode="m:text">
    <span class="tei-choice">
      <xsl:apply-templates select="*" mode="m:choice"/>
    </span>
  </xsl:template>

  <xsl:template match="sic | orig | abbr" mode="m:choice">
    <xsl:variable name="other" select="../(corr | reg | expan)[1]"/>
    <span class="dipl-only iv iv-sic">
      <span class="ivt"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'≠'"/>
        <xsl:with-param name="explain" as="node()*">
          <xsl:sequence select="f:ui('iv.sic')"/>
          <xsl:if test="$other">
            <xsl:text>; </xsl:text><xsl:sequence select="f:ui('iv.corr')"/><xsl:text> 「</xsl:text>
            <xsl:apply-templates select="$other/node()" mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates>
            <xsl:text>」</xsl:text>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="corr | reg | expan | supplied" mode="m:choice">
    <span class="reg-only iv iv-corr"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
  </xsl:template>

  <xsl:template match="seg[@type = 'redaction']" mode="m:choice">
    <xsl:choose>
      <xsl:when test="../supplied"><span class="dipl-only"><xsl:apply-templates select="." mode="m:text"/></span></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="m:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="m:choice">
    <xsl:apply-templates select="." mode="m:text"/>
  </xsl:template>

  <!-- sic or corr outside a choice: shown in both readings, marked. -->
  <xsl:template match="sic" mode="m:text">
    <span class="iv iv-sic">
      <span class="ivt"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'≠'"/>
        <xsl:with-param name="explain" select="f:ui('iv.sic')"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="seg[@type = 'redaction']" mode="m:text">
    <span class="iv iv-redaction">
      <xsl:sequence select="f:html-id(.)"/>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="self::supplied"><span class="reg-only iv-supplied"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span></xsl:when>
          <xsl:when test="../supplied"><span class="dipl-only ivt"><xsl:apply-templates select="." mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span></xsl:when>
          <xsl:otherwise><span class="ivt"><xsl:apply-templates select="." mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'▨'"/>
        <xsl:with-param name="explain" select="f:ui('iv.redaction')"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="supplied" mode="m:text">
    <span class="reg-only iv iv-supplied"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
  </xsl:template>

  <!-- Forme work: only in the diplomatic reading. -->
  <xsl:template match="fw" mode="m:text">
    <xsl:param name="inline" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'dipl-only iv iv-fw blk tei-fw'"/>
      <xsl:attribute name="data-type" select="@type"/>
      <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
      <xsl:call-template name="f:pnum"/>
      <span class="ivt"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></span>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'⌂'"/>
        <xsl:with-param name="explain" select="f:ui('iv.fw')"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A note: a marker where it stands, its text in the tooltip and in the list at the end. -->
  <xsl:template match="note" mode="m:text">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="n" select="f:note-number(.)"/>
    <xsl:choose>
      <xsl:when test="$in-link"/>
      <xsl:otherwise>
        <span class="note-ref">
          <a class="note-link" href="#jk--note-{$n}" id="jk--noteref-{$n}"><sup><xsl:value-of select="$n"/></sup></a>
          <xsl:call-template name="f:marker">
            <xsl:with-param name="symbol" select="'※'"/>
            <xsl:with-param name="dipl-only" select="false()"/>
            <xsl:with-param name="explain" as="node()*">
              <xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates>
            </xsl:with-param>
          </xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note's number: one more than the notes outside the header before it, the notes it is inside not counted
       (the preceding axis leaves them out). Looked up in the numbers of the page's document, made once, where the
       note is in that document: counting the notes before each note walked every node before it, three times a
       note, and a page of 2,000 notes took 0.9 s to make. -->
  <xsl:function name="f:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($f:note-numbers(generate-id($note)),
                           count($note/preceding::note[not(ancestor::teiHeader)]) + 1)[1]"/>
  </xsl:function>
  <!-- In document order, the notes before a note are those of lower place, less the notes it is inside. -->
  <xsl:variable name="f:note-numbers" as="map(xs:string, xs:integer)">
    <xsl:map>
      <xsl:for-each select="//note[not(ancestor::teiHeader)]">
        <xsl:map-entry key="generate-id(.)" select="position() - count(ancestor::note)"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- The end-of-document list of notes (read without scripts, and in print). -->
  <xsl:template name="f:notes-list">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="jk--notes-h">
        <h2 id="jk--notes-h"><xsl:sequence select="f:ui('notes.heading')"/></h2>
        <ol>
          <xsl:for-each select="$notes">
            <li id="jk--note-{f:note-number(.)}"><xsl:sequence select="f:lang-attr(.)"/>
              <xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/><xsl:with-param name="in-link" tunnel="yes" select="false()"/></xsl:apply-templates>
              <xsl:text> </xsl:text><a href="#jk--noteref-{f:note-number(.)}" aria-label="↩">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Named entities: links to their register pages. -->
  <xsl:template match="persName | placeName | orgName | term | name | rs" mode="m:text">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:param name="root" tunnel="yes" as="xs:string" select="'../'"/>
    <xsl:variable name="known" select="f:name-entity(.)"/>
    <xsl:variable name="id" select="$known[1]"/>
    <xsl:variable name="kind" select="$known[2]"/>
    <xsl:choose>
      <xsl:when test="exists($kind) and not($in-link)">
        <a class="ent ent-{$kind}" href="{$root}{f:entity-href($kind, $id)}">
          <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
          <xsl:if test="@cert"><xsl:attribute name="data-cert" select="@cert"/></xsl:if>
          <xsl:call-template name="f:entity-text"><xsl:with-param name="id" select="$id"/></xsl:call-template>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ent-plain tei-{local-name()}">
          <xsl:sequence select="f:html-id(.), f:lang-attr(.)"/>
          <xsl:call-template name="f:entity-text"><xsl:with-param name="id" select="$id"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name's register id and, where it has one, its kind (f:entity-id, f:entity-kind): as the publisher worked them out
       for every name of the document ($entities), else worked out here. -->
  <xsl:function name="f:name-entity" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (exists($entities)) then $entities(generate-id($e)) else f:entity-id($e) ! (., f:entity-kind($e, .))"/>
  </xsl:function>

  <!-- A name's text; on the converted page, the register's spelling in that script when the register has it. -->
  <xsl:template name="f:entity-text">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:variable name="to" select="if ($convert-to != '') then $convert-to else $twin"/>
    <!-- worked out by the publisher for every name of the document ($entity-forms), else here -->
    <xsl:variable name="form" select="if ($to = '') then () else if (exists($entity-forms)) then $entity-forms(generate-id(.)) else f:entity-form(., $id, $to)"/>
    <xsl:choose>
      <xsl:when test="exists($form) and $convert-to != ''"><xsl:value-of select="$form"/></xsl:when>
      <xsl:when test="exists($form)">
        <jk-main><xsl:apply-templates mode="m:text">
          <xsl:with-param name="inline" tunnel="yes" select="true()"/>
          <xsl:with-param name="in-link" tunnel="yes" select="true()"/>
        </xsl:apply-templates></jk-main><jk-twin><xsl:value-of select="$form"/></jk-twin>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="m:text">
          <xsl:with-param name="inline" tunnel="yes" select="true()"/>
          <xsl:with-param name="in-link" tunnel="yes" select="true()"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name's spelling in the register in script $to: where the name holds only text and its entry spells it so in the
       document's script, the entry's first spelling in $to (its spaces normalised), else (). -->
  <xsl:function name="f:entity-form" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="entry" select="if (exists($id) and $to != '' and not($e/*)) then f:register-entry($id) else ()"/>
    <xsl:variable name="source-form" select="$entry/*[@xml:lang = $doc-script][normalize-space() = normalize-space($e)]"/>
    <xsl:variable name="target-form" select="($entry/*[@xml:lang = $to])[1]"/>
    <xsl:sequence select="if ($source-form and $target-form) then normalize-space($target-form) else ()"/>
  </xsl:function>

  <!-- Links from the source: only safe schemes; a bare id points inside the page when the id exists. -->
  <xsl:template match="ref | ptr" mode="m:text">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="t" select="normalize-space(tokenize(normalize-space(@target), ' ')[1])"/>
    <xsl:variable name="href" select="
      if ($t = '') then ()
      else if (starts-with($t, '#')) then (if (key('f:id', substring($t, 2))) then $t else ())
      else if (matches($t, '^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*$') and not(contains($t, '.'))) then (if (key('f:id', $t)) then '#' || $t else ())
      else f:safe-url($t)"/>
    <xsl:variable name="label" as="node()*">
      <xsl:choose>
        <xsl:when test="self::ptr"><xsl:value-of select="'[' || $t || ']'"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/><xsl:with-param name="in-link" tunnel="yes" select="true()"/></xsl:apply-templates></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link)">
        <a class="tei-{local-name()}" href="{$href}"><xsl:if test="matches($href, '^https?:')"><xsl:attribute name="rel" select="'noopener noreferrer'"/></xsl:if><xsl:sequence select="$label"/></a>
      </xsl:when>
      <xsl:otherwise><span class="tei-{local-name()}"><xsl:sequence select="$label"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="xi:include" mode="m:text">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="h" select="f:safe-url(@href)"/>
    <xsl:variable name="page" select="if (exists($h) and matches($h, '^[^/]*\.xml$')) then replace($h, '\.xml$', '.html') else ()"/>
    <span class="xinclude">
      <xsl:choose>
        <xsl:when test="exists($page) and not($in-link)"><a href="{$page}"><xsl:value-of select="'[' || @href || ']'"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="'[' || @href || ']'"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="lb" mode="m:text"><br/></xsl:template>
  <xsl:template match="pb | cb | milestone" mode="m:text">
    <span class="tei-{local-name()}"><xsl:if test="@n"><xsl:value-of select="'[' || @n || ']'"/></xsl:if></span>
  </xsl:template>
  <xsl:template match="gap" mode="m:text"><span class="tei-gap">[…]</span></xsl:template>
  <xsl:template match="graphic | media | binaryObject" mode="m:text"><span class="tei-graphic">[⌧]</span></xsl:template>
  <xsl:template match="anchor" mode="m:text"><span class="tei-anchor"><xsl:sequence select="f:html-id(.)"/></span></xsl:template>

  <!-- A character XML cannot carry (g pointing at a charDecl entry): shown by its code in the diplomatic reading. -->
  <xsl:template match="g[not(node())]" mode="m:text">
    <!-- its code point as the charDecl maps it (U+0000), not the id of that entry, which begins with the document's key -->
    <xsl:variable name="id" select="substring-after(@ref, '#')"/>
    <xsl:variable name="cp" select="string((key('f:id', $id, root())/mapping[@type = 'codepoint'])[1])"/>
    <span class="dipl-only iv iv-g"><span class="ivt"><xsl:value-of select="'⟨' || ($cp[. != ''], $id)[1] || '⟩'"/></span>
      <xsl:call-template name="f:marker">
        <xsl:with-param name="symbol" select="'◇'"/>
        <xsl:with-param name="explain" select="f:ui('iv.g')"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- A byte of the source its encoding cannot decode (g type="damage" subtype="byte-FF"): the customary mark of an
       illegible character, 〓, in both readings, on a button whose explanation names the byte. -->
  <xsl:template match="g[@type = 'damage'][not(node())]" mode="m:text" priority="1">
    <xsl:param name="in-link" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:variable name="byte" select="f:damaged-byte(.)"/>
    <xsl:choose>
      <xsl:when test="$in-link"><span class="iv-damage-mark" data-byte="{$byte}">〓</span></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="tip" select="'jk--tip-' || f:id-in-tree(.)"/>
        <span class="iv iv-damage mkw" data-byte="{$byte}">
          <button type="button" class="mk mk-damage" aria-describedby="{$tip}"><span aria-hidden="true">〓</span><span class="vh"><xsl:sequence select="f:ui('iv.damage.mark')"/></span></button>
          <span class="tip" role="tooltip" id="{$tip}"><xsl:sequence select="f:ui('iv.damage')"/><xsl:text> </xsl:text><code><xsl:value-of select="$byte"/></code></span>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The damaged byte a g names, as 0xFF (from @subtype byte-FF, else from the escape U+DCFF its @ref names). -->
  <xsl:function name="f:damaged-byte" as="xs:string">
    <xsl:param name="g" as="element()"/>
    <xsl:variable name="hex" select="upper-case(if (matches($g/@subtype, '^byte-[0-9A-Fa-f]{2}$')) then substring-after($g/@subtype, 'byte-')
        else if (matches($g/@ref, '^#UDC[0-9A-Fa-f]{2}$')) then substring($g/@ref, 5) else '')"/>
    <xsl:sequence select="if ($hex = '') then '?' else '0x' || $hex"/>
  </xsl:function>

  <xsl:template match="hi[@rend = ('bold', 'b')] | emph" mode="m:text">
    <strong class="tei-{local-name()}"><xsl:apply-templates mode="m:text"><xsl:with-param name="inline" tunnel="yes" select="true()"/></xsl:apply-templates></strong>
  </xsl:template>
</xsl:stylesheet>
