<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters of the print stylesheets: the site's (registers, edition, ui) and the PDF's own; Java sets them per PDF. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
  <xsl:import href="../html/params.xsl"/>
  <!-- The documents of this PDF, in the edition's order, and their identifiers as the site uses them (doc/DOCID.html). -->
  <xsl:param name="docs" as="document-node()*" select="()"/>
  <xsl:param name="docids" as="xs:string*" select="()"/>
  <!-- true for the whole edition (title page, contents, every document, index); false for one document's PDF. -->
  <xsl:param name="whole" as="xs:boolean" select="false()"/>
  <!-- The volume this PDF is of the edition printed in several ($volumes > 1), from 1; 0 of 0 when it is one PDF. -->
  <xsl:param name="volume" as="xs:integer" select="0"/>
  <xsl:param name="volumes" as="xs:integer" select="0"/>
  <!-- true when the site is published in the same run (links from the PDF to its pages are then meaningful). -->
  <xsl:param name="site" as="xs:boolean" select="false()"/>
  <!-- The font-family lists: the serif face with the sans face as fallback, and the other way round. -->
  <xsl:param name="serif" as="xs:string" select="'serif'"/>
  <xsl:param name="sans" as="xs:string" select="'sans-serif'"/>
  <xsl:param name="producer" as="xs:string" select="'Jiaokan'"/>
</xsl:stylesheet>
