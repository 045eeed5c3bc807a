<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters of the site stylesheets, in one place; Java sets them per run or per document. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
  <!-- The edition's registers.xml (listPerson, listPlace, listOrg), if any. -->
  <xsl:param name="registers" as="document-node()?" select="()"/>
  <!-- The edition's corpus header (edition.xml), if any. -->
  <xsl:param name="edition" as="document-node()?" select="()"/>
  <!-- The interface strings (i18n/zh-Hans.xml): the pages are written in zh-Hans; the script switches to English. -->
  <xsl:param name="ui" as="document-node()"/>
  <!-- Each interface string's span (as f:ui makes it), by key, made once per run from $ui; where a key is missing, f:ui makes it. -->
  <xsl:param name="ui-spans" as="map(xs:string, element())" select="map{}"/>
  <!-- Per document: its identifier, its script (zh-Hans, zh-Hant or ''), the raw source's link, the citations. -->
  <xsl:param name="docid" as="xs:string" select="''"/>
  <xsl:param name="doc-script" as="xs:string" select="''"/>
  <xsl:param name="raw-source" as="xs:string" select="''"/>
  <!-- The raw source's own file name, for the browser to save its copy under (the copy's name may differ: .txt after
       a web page's, %25 for a %). -->
  <xsl:param name="raw-source-name" as="xs:string" select="''"/>
  <xsl:param name="citations" as="map(xs:string, xs:string)" select="map{}"/>
  <!-- For a document page, where the publisher gives it: each name of the document that points at a register id, by its
       generate-id(), with that id and, where it has one, its kind (f:entity-id and f:entity-kind worked out once in
       Java, publish.html.Mentions); where it is empty, the pages work them out name by name. -->
  <xsl:param name="entities" as="map(xs:string, xs:string*)?" select="()"/>
  <!-- With $entities: each of those names holding only text whose register entry spells it so in the document's script,
       with the entry's spelling in the script of the page's twin (f:entity-form, worked out in Java). -->
  <xsl:param name="entity-forms" as="map(xs:string, xs:string)?" select="()"/>
  <!-- zh-Hans or zh-Hant when writing the converted page, else ''. -->
  <xsl:param name="convert-to" as="xs:string" select="''"/>
  <!-- zh-Hans or zh-Hant when the document page and its other-script twin are made in one pass, else ''. The page's
       tree then holds both where they differ, and the publisher writes the two pages from it: an element jk-main
       holds what only the page in the document's own script shows, jk-twin what only the twin shows, and an
       attribute jk-twin-NAME gives the twin's value of the attribute NAME on the same element. A theme that does
       not write these gets the twin made by a second transformation with $convert-to. -->
  <xsl:param name="twin" as="xs:string" select="''"/>
  <!-- The formats of this run (html, pdf, catalog …): a page links to the print edition and the records only when they are made. -->
  <xsl:param name="formats" as="xs:string*" select="'html'"/>
  <!-- The volumes of the print edition: pdf/edition.pdf when 1, else pdf/edition-1.pdf, pdf/edition-2.pdf … -->
  <xsl:param name="pdf-volumes" as="xs:integer" select="1"/>
  <!-- For the edition pages: the documents' summaries (summary.xsl). -->
  <xsl:param name="summaries" as="document-node()*" select="()"/>
</xsl:stylesheet>
