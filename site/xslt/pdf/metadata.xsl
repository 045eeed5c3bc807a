<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's metadata block, as on its page: date with certainty and evidence, author or issuing body, source, checksum. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-jiaokan:xslt" xmlns:p="urn:x-jiaokan:pdf"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">

  <xsl:template name="p:metadata">
    <xsl:param name="h" as="map(*)"/>
    <xsl:param name="canonical" as="xs:string"/>
    <fo:block font-size="{$p:small}" line-height="1.55" space-after="5mm" padding="2mm 3mm" background-color="#f2f2f2"
        border-left="1.2pt solid #8c8c8c" role="Div">
      <fo:block font-family="{$sans}" font-size="9pt" space-after="1mm" role="H2" xml:lang="zh-Hans"><xsl:value-of select="f:t('meta.heading')"/></fo:block>
      <xsl:for-each select="$h?date-el">
        <xsl:call-template name="p:row">
          <xsl:with-param name="key" select="'meta.date'"/>
          <xsl:with-param name="value" as="node()*">
            <xsl:value-of select="(@when[. != ''], normalize-space(string-join(text(), '')))[1]"/>
            <xsl:if test="@when and normalize-space(string-join(text(), '')) != ''">
              <fo:inline><xsl:sequence select="p:lang-attrs(f:lang(.))"/>（<xsl:value-of select="normalize-space(string-join(text(), ''))"/>）</fo:inline>
            </xsl:if>
            <xsl:if test="@cert = ('high', 'medium', 'low')">
              <fo:inline xml:lang="zh-Hans"><xsl:value-of select="'　' || f:t('cert.label') || f:t('cert.' || @cert)"/></fo:inline>
            </xsl:if>
            <xsl:for-each select="note[normalize-space()]">
              <fo:block><fo:inline xml:lang="zh-Hans"><xsl:value-of select="f:t('meta.evidence') || '：'"/></fo:inline>
                <fo:inline><xsl:sequence select="p:lang-attrs(f:lang(.))"/><xsl:value-of select="normalize-space(.)"/></fo:inline></fo:block>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.author'"/><xsl:with-param name="values" select="$h?author-els"/></xsl:call-template>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.issuer'"/><xsl:with-param name="values" select="$h?issuer-els"/></xsl:call-template>
      <xsl:if test="$h?genre != ''">
        <xsl:call-template name="p:row">
          <xsl:with-param name="key" select="'meta.genre'"/>
          <xsl:with-param name="value" as="node()*"><fo:inline xml:lang="en"><xsl:value-of select="$h?genre"/></fo:inline></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.place'"/><xsl:with-param name="values" select="$h?place-els"/></xsl:call-template>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.docNumber'"/><xsl:with-param name="values" select="$h?bibl/idno[@type = 'docNumber']"/></xsl:call-template>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.publisher'"/><xsl:with-param name="values" select="$h?bibl/publisher"/></xsl:call-template>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.source'"/><xsl:with-param name="values" select="$h?bibl/respStmt[contains(resp, 'source')]/(orgName | persName | name)"/></xsl:call-template>
      <xsl:for-each select="$h?bibl/idno[@type = 'URI'][f:safe-url(.)[matches(., '^https?:')]]">
        <xsl:call-template name="p:row">
          <xsl:with-param name="key" select="'meta.url'"/>
          <xsl:with-param name="value" as="node()*">
            <fo:basic-link external-destination="url('{replace(f:safe-url(.), '[''()\\]', '')}')" fox:alt-text="{f:safe-url(.)}" xml:lang="en" color="#1a4d80">
              <xsl:value-of select="p:breakable(normalize-space(.))"/>
            </fo:basic-link>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.published'"/><xsl:with-param name="values" select="$h?bibl/date[@type = 'published']"/></xsl:call-template>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.captured'"/><xsl:with-param name="values" select="$h?bibl/date[@type = 'captured']"/></xsl:call-template>
      <xsl:call-template name="p:rows"><xsl:with-param name="key" select="'meta.file'"/><xsl:with-param name="values" select="$h?bibl/idno[@type = 'filename']"/></xsl:call-template>
      <xsl:for-each select="$h?bibl/idno[@type = 'sha256']">
        <xsl:call-template name="p:row">
          <xsl:with-param name="key" select="'meta.sha256'"/>
          <xsl:with-param name="value" as="node()*"><fo:inline xml:lang="en" font-family="{$sans}" font-size="7pt"><xsl:value-of select="normalize-space(.)"/></fo:inline></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$h?bibl/note[@type = 'encoding']/term[@type = 'charset']">
        <xsl:call-template name="p:row">
          <xsl:with-param name="key" select="'meta.encoding'"/>
          <xsl:with-param name="value" as="node()*"><fo:inline xml:lang="en"><xsl:value-of select="normalize-space(.)"/></fo:inline></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$canonical != ''">
        <xsl:call-template name="p:row">
          <xsl:with-param name="key" select="'cite.url'"/>
          <xsl:with-param name="value" as="node()*">
            <fo:basic-link external-destination="url('{replace($canonical, '[''()\\]', '')}')" fox:alt-text="{$canonical}" xml:lang="en" color="#1a4d80">
              <xsl:value-of select="p:breakable($canonical)"/>
            </fo:basic-link>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template name="p:rows">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="element()*"/>
    <xsl:for-each select="$values[normalize-space()]">
      <xsl:call-template name="p:row">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="value" as="node()*">
          <fo:inline><xsl:sequence select="p:lang-attrs(f:lang(.))"/><xsl:value-of select="normalize-space(.)"/></fo:inline>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- One line: the label in sans, then the value. -->
  <xsl:template name="p:row">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="node()*"/>
    <fo:block start-indent="6em" text-indent="-6em">
      <fo:inline font-family="{$sans}" xml:lang="zh-Hans" color="{$p:muted}"><xsl:value-of select="f:t($key)"/></fo:inline>
      <xsl:text>　</xsl:text>
      <xsl:sequence select="$value"/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
