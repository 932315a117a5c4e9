<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <source>ExportDialog</source>
        <comment>W3C Web Annotations (JSON-LD)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ExportDialog</source>
        <comment>ClaimReview (JSON-LD, to publish fact checks)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ExportDialog</source>
        <comment>Full backup (JSON)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>%Ln selected article</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>%Ln selected articles</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>Preview (%Ln article):</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>Preview (%Ln articles):</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>%Ln note not yet published: included as a draft, not to be published as it is.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>%Ln notes not yet published: included as drafts, not to be published as they are.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>%Ln note not yet published (no review URL): left out. Give it its URL under Publishing in the note editor.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>%Ln notes not yet published (no review URL): left out. Give each its URL under Publishing in the note editor.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ExportDialog</source>
        <comment>The organisation has no web site yet: add it in Preferences ▸ Fact-check publishing.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>ArticleList</source>
        <comment>unread</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ArticleList</source>
        <comment>finished</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ArticleList</source>
        <comment>{0} read</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>locale_format</source>
        <comment>%Ln claim</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>locale_format</source>
        <comment>%Ln claims</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>locale_format</source>
        <comment>{0} checked</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleHeader</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%Ln min read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureControl</name>
    <message>
        <source>Gloss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page is already being downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste as Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the inbox: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inbox is paused: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Citation</name>
    <message>
        <source>Select a sentence or words to cite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citation copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CitePicker</name>
    <message>
        <source>Cite from Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words of the passage to cite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search saved articles for a passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages to cite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} passages: Enter cites the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 passage: Enter cites it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passage of another saved article holds these words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sentence {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimSweep</name>
    <message>
        <source>Spotting claims in older articles: {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spotted claims in {0} older articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsController</name>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unchecked claims in this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims could not be spotted: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Only unchecked claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim is checked when a note covers its sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-worthy claims in this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>c / Shift+C: next / previous unchecked claim</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Gloss ran into a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Your library is safe: every note is saved the moment you add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were written to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Elsewhere</name>
    <message>
        <source>noted in 1 other article: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noted in {0} other articles: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elsewhere: this sentence noted in other articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sentence {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look for this article&apos;s claims elsewhere: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The noted sentence is no longer in that article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include drafts (notes without a review URL, marked as drafts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export notes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of {0} of {1} articles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to publish in these articles yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every reviewed note is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FactCheckReport</name>
    <message>
        <source>Writing page {0} of {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryHealth</name>
    <message>
        <source>This library is damaged: nothing can be changed. You can read, search and export what is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite found: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library is read-only{0}. You can read, search and export; nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your library is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite found: {0}

Gloss can put back the newest good backup, {1}. Notes written since then are in the damaged file, which is kept beside the library (export them first if you need them).

Until then you can read, search and export, but not change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite found: {0}

There is no good backup in {1}. You can read, search and export what is left (File ▸ Export Notes…, Full backup), but not change anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {0}; the damaged file is kept as {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by tag or verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag or verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveReload</name>
    <message>
        <source>The library is busy ({0}); retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library&apos;s latest changes cannot be shown: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article changed, so the note was not attached: check the selected sentence in the new text and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article changed while you wrote; your note is on the same words, now sentence {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article changed while you were writing, and the sentence you noted is not in its new text.

Your note is kept: click the sentence it belongs to and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Enter (or right-click ▸ Note the Selection) notes the selected words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from &amp;URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste as &amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note the Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes to &amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gloss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import saved pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of saved pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Gloss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Gloss {0}&lt;/b&gt;&lt;p&gt;Read saved web articles offline and check them sentence by sentence.&lt;/p&gt;&lt;p&gt;Library: {1}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fact-check publishing settings were not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new library location is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0} of {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the updated articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 note could not be placed on the new text of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is kept as an unplaced note with the words it was written on; you can attach it to a sentence by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes could not be placed on the new text of {0}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>They are kept as unplaced notes with the words they were written on; you can attach them to a sentence by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Unplaced Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln files could not be imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That article is not in this library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cited article is in the Trash: restore it to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cited words are no longer in the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived — Ctrl+Z to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved back to the library — Ctrl+Z to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article deleted — Ctrl+Z to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags for this article (separated by commas):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln note not yet published was left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes not yet published were left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss backups and W3C annotations (*.json *.jsonld);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes imported: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss library (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this note (Ctrl+Z brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this sentence in the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach this note to the selected sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words no longer in the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, edited {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is right or wrong about this sentence? (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} … {1}: False, Misleading, Mostly true, True, Unverified, Opinion; {2}: no verdict (the digits alone while this list has focus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… or doi:10.… or plain text, then a title, then &gt; a quoted passage (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One source a line: a web address (https://…, mailto:…), a DOI (doi:10.…) or plain text (“Phone interview with the lab, 3 Feb 2025”); then a title (plain text: after “ | ”); then “ &gt; ” and the passage quoted. Only web addresses and DOIs become links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citations from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cite from Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your saved articles for the passage that backs this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected citation (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>economy, statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the editor (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimant (who made the claim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review URL (where the fact check is published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… where the fact check is published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;laimant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing · published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (the article&apos;s site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who made the claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review URL must be a web address (https://…) where the fact check is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write something, pick a verdict or add a source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Selected sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on this sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;New note&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All notes in this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only notes to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes whose words changed when the page was imported again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence notes or all notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article changed and these words are not in its new text. Click the sentence your note belongs to; your draft is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Click a sentence in the article (or move with j and k) to see and add its notes.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unplaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only notes to review ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Notes to review&lt;/b&gt; — the text changed under them; accept the new words or select the right place and move the note there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Unplaced notes&lt;/b&gt; — their sentence changed; attach them by hand to the selected sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences {0}–{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, text changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the sentence this note belongs to first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanelToggles</name>
    <message>
        <source>&amp;Focus Mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading &amp;font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &amp;width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (pages saved into the folder you choose are imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss imports web pages, PDFs and EPUBs saved into this folder while it is open (point your browser&apos;s download folder here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move imported files into its “imported” folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss library (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemBar</name>
    <message>
        <source>Restore Backup…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishingSettings</name>
    <message>
        <source>Fact-check publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation that publishes your fact checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs your notes in Markdown exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its &amp;web site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the library file, so they travel with its notes. ClaimReview exports name the organisation as the publisher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These cannot be changed now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web site must be a full address starting with https:// or http://, such as https://factcheck.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it to one line of at most {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>ExportDialog</source>
        <comment>Markdown</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an article from the library, or import a saved page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportAction</name>
    <message>
        <source>Fact-Check &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an article to report on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fact-Check Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html *.htm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the article and notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the fact-check report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search articles and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search articles and notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only notes with this verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextChange</name>
    <message>
        <source>Written against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashControls</name>
    <message>
        <source>%Ln article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%Ln articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected articles back in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0} for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their notes are deleted with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the {0} in the Trash for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {0} for good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UrlDialog</name>
    <message>
        <source>Import from URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gloss downloads the page and its pictures once; it reads offline after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Your library is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

There is no good backup in {1}. `gloss export --all --format json -o FILE` saves what can still be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Gloss can put back the newest good backup, {1}; the damaged file is kept beside the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library cannot be opened.

{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>context_menus</name>
    <message>
        <source>Copy as &amp;Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the &amp;Library for “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive %Ln Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Tags to %Ln Articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Notes of %Ln Articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete %Ln Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>Link not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser could be started to open this link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>locale_format</name>
    <message>
        <source>{0}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
