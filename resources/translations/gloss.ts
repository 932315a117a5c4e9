<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
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
</context>
<context>
    <name>ArticleHeader</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n min read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>{0}, edited {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>locale_format</name>
    <message>
        <source>{0}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n claim(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
