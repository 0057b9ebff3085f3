<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>aichopin::ClassifyCalibrator</name>
    <message numerus="yes">
        <location filename="../../ui/classify/ClassifyCalibrator.cpp" line="+38"/>
        <source> %n file(s) could not be judged (unreadable, or too little music) and were left out.</source>
        <translation>
            <numerusform> %n file could not be judged (unreadable, or too little music) and was left out.</numerusform>
            <numerusform> %n files could not be judged (unreadable, or too little music) and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyPanel</name>
    <message numerus="yes">
        <location filename="../../ui/classify/ClassifyPanel.cpp" line="+405"/>
        <source>Left out %n file(s) that are not recordings or MIDI files: %1</source>
        <translation>
            <numerusform>Left out %n file that is not a recording or MIDI file: %1</numerusform>
            <numerusform>Left out %n files that are not recordings or MIDI files: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+159"/>
        <location line="+7"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n clip</numerusform>
            <numerusform>%n clips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::ComposePanel</name>
    <message numerus="yes">
        <location filename="../../ui/compose/ComposePanel.cpp" line="+149"/>
        <source>Stopped: kept the %n note(s) composed so far.</source>
        <translation>
            <numerusform>Stopped: kept the %n note composed so far.</numerusform>
            <numerusform>Stopped: kept the %n notes composed so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+216"/>
        <location line="+342"/>
        <location line="+64"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::DatasetPanel</name>
    <message numerus="yes">
        <location filename="../../ui/dataset/DatasetPanel.cpp" line="+316"/>
        <location line="+45"/>
        <location line="+13"/>
        <location line="+7"/>
        <location line="+2"/>
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n piece</numerusform>
            <numerusform>%n pieces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-65"/>
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main/MainWindow.cpp" line="+242"/>
        <source>None of the %n file(s) can be classified (see the Classify area).</source>
        <translation>
            <numerusform>The %n file cannot be classified (see the Classify area).</numerusform>
            <numerusform>None of the %n files can be classified (see the Classify area).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <location line="+27"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>Added %n folder(s) to the dataset</source>
        <translation>
            <numerusform>Added %n folder to the dataset</numerusform>
            <numerusform>Added %n folders to the dataset</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::PieceEdits</name>
    <message numerus="yes">
        <location filename="../../ui/compose/PieceEdits.cpp" line="+145"/>
        <source>Deleted %n note(s) in %1</source>
        <translation>
            <numerusform>Deleted %n note in %1</numerusform>
            <numerusform>Deleted %n notes in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Copied %n note(s) of %1: click where they should go and paste them (Ctrl+V).</source>
        <translation>
            <numerusform>Copied %n note of %1: click where it should go and paste it (Ctrl+V).</numerusform>
            <numerusform>Copied %n notes of %1: click where they should go and paste them (Ctrl+V).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Cut %n note(s) of %1</source>
        <translation>
            <numerusform>Cut %n note of %1</numerusform>
            <numerusform>Cut %n notes of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Pasted %n note(s) at %1</source>
        <translation>
            <numerusform>Pasted %n note at %1</numerusform>
            <numerusform>Pasted %n notes at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+318"/>
        <source>Moved the %n note(s) of %1</source>
        <translation>
            <numerusform>Moved the %n note of %1</numerusform>
            <numerusform>Moved the %n notes of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Drew the velocities of %n note(s)</source>
        <translation>
            <numerusform>Drew the velocity of %n note</numerusform>
            <numerusform>Drew the velocities of %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::TrainingPanel</name>
    <message numerus="yes">
        <location filename="../../ui/training/TrainingPanel.cpp" line="+356"/>
        <source>%n dense layer(s)</source>
        <translation>
            <numerusform>%n dense layer</numerusform>
            <numerusform>%n dense layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>aichopin::TrainingWorker</name>
    <message numerus="yes">
        <location filename="../../ui/training/TrainingWorker.cpp" line="+87"/>
        <location line="+106"/>
        <location line="+8"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n epoch</numerusform>
            <numerusform>%n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-114"/>
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n piece</numerusform>
            <numerusform>%n pieces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source> %n unreadable file(s) were skipped.</source>
        <translation>
            <numerusform> %n unreadable file was skipped.</numerusform>
            <numerusform> %n unreadable files were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <location line="+8"/>
        <location line="+1"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n clip</numerusform>
            <numerusform>%n clips</numerusform>
        </translation>
    </message>
</context>
</TS>
