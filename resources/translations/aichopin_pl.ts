<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>PianoRollRenderer</name>
    <message>
        <location filename="../../ui/pianoroll/PianoRollRenderer.cpp" line="+255"/>
        <source>bar</source>
        <translation>takt</translation>
    </message>
</context>
<context>
    <name>PieceExport</name>
    <message>
        <location filename="../../ui/compose/PieceExport.cpp" line="+50"/>
        <source>Rendering %1...</source>
        <translation>Renderowanie %1...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/classify/ClassifyPanel.cpp" line="+73"/>
        <source>semitone bands</source>
        <translation>pasma półtonowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MFCC</source>
        <translation>MFCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log-mel</source>
        <translation>log-mel</translation>
    </message>
</context>
<context>
    <name>aichopin::AboutDialog</name>
    <message>
        <location filename="../../ui/main/AboutDialog.cpp" line="+14"/>
        <source>About AI Chopin</source>
        <translation>O programie AI Chopin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h2&gt;AI Chopin %1&lt;/h2&gt;&lt;p&gt;Compose and recognise piano music in the style of Chopin.&lt;br&gt;Licence: %2&lt;/p&gt;</source>
        <translation>&lt;h2&gt;AI Chopin %1&lt;/h2&gt;&lt;p&gt;Komponowanie i rozpoznawanie muzyki fortepianowej w stylu Chopina.&lt;br&gt;Licencja: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Libraries</source>
        <translation>Biblioteki</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data</source>
        <translation>Dane</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyCalibrator</name>
    <message>
        <location filename="../../ui/classify/ClassifyCalibrator.cpp" line="+31"/>
        <source>Calibrated on %1 of your pieces in %2 (%3 by Chopin, %4 by others): the Chopin decision moved from %5 to %6 (log-odds); %7 of the %1 were called right before, %8 now. Classifying with %9 (Model... goes back to the shipped model or another).</source>
        <translation>Skalibrowano na %1 Twoich utworach z %2 (%3 Chopina, %4 innych): próg decyzji „Chopin” przesunął się z %5 na %6 (log-szanse); przedtem trafnie oceniono %7 z %1, teraz %8. Klasyfikacja modelem %9 (Model... wraca do dostarczonego modelu lub innego).</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> %n file(s) could not be judged (unreadable, or too little music) and were left out.</source>
        <translation>
            <numerusform> %n pliku nie dało się ocenić (nieczytelny lub za mało muzyki), więc go pominięto.</numerusform>
            <numerusform> %n plików nie dało się ocenić (nieczytelne lub za mało muzyki), więc je pominięto.</numerusform>
            <numerusform> %n plików nie dało się ocenić (nieczytelne lub za mało muzyki), więc je pominięto.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source> With fewer than five pieces of each kind this decision is a rough one: add pieces and calibrate again for a steadier one.</source>
        <translation> Przy mniej niż pięciu utworach każdego rodzaju ten próg jest przybliżony: dodaj utwory i skalibruj ponownie, aby był pewniejszy.</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyDropZone</name>
    <message>
        <location filename="../../ui/classify/ClassifyDropZone.cpp" line="+29"/>
        <source>Choose Files...</source>
        <translation>Wybierz pliki...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose recordings or MIDI files to classify</source>
        <translation>Wybierz nagrania lub pliki MIDI do klasyfikacji</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose recordings or MIDI files</source>
        <translation>Wybierz nagrania lub pliki MIDI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio and MIDI (%1);;All files (*)</source>
        <translation>Audio i MIDI (%1);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Drop recordings (MP3, WAV, FLAC, OGG, M4A, AIFF, videos...), MIDI files or folders here</source>
        <translation>Upuść tutaj nagrania (MP3, WAV, FLAC, OGG, M4A, AIFF, filmy...), pliki MIDI lub foldery</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyPanel</name>
    <message>
        <location filename="../../ui/classify/ClassifyPanel.cpp" line="+65"/>
        <source>Model...</source>
        <translation>Model...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify with the shipped model or another model file (.pt)</source>
        <translation>Klasyfikuj dostarczonym modelem lub innym plikiem modelu (.pt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Shipped Model (classifier-default.pt)</source>
        <translation>Dostarczony model (classifier-default.pt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The shipped model classifier-default.pt was not found; choose a model file instead.</source>
        <translation>Nie znaleziono dostarczonego modelu classifier-default.pt; wybierz zamiast niego plik modelu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another Model File...</source>
        <translation>Inny plik modelu...</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+204"/>
        <source>Calibrate...</source>
        <translation>Kalibruj...</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Set the Chopin decision from your own recordings: choose a folder with chopin/ and other/ subfolders (or one subfolder per composer); a calibrated copy of the model is saved and used</source>
        <translation>Ustal próg decyzji „Chopin” na własnych nagraniach: wybierz folder z podfolderami chopin/ i other/ (lub jednym podfolderem na kompozytora); skalibrowana kopia modelu zostanie zapisana i użyta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calibrating on your pieces: %1</source>
        <translation>Kalibracja na Twoich utworach: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export...</source>
        <translation>Eksportuj...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the results as CSV or JSON (JSON includes each file&apos;s timeline)</source>
        <translation>Zapisz wyniki jako CSV lub JSON (JSON zawiera przebieg czasowy każdego pliku)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every result from the list</source>
        <translation>Usuń wszystkie wyniki z listy</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+290"/>
        <source>Select a classified file to see where it sounded like Chopin</source>
        <translation>Wybierz sklasyfikowany plik, aby zobaczyć, gdzie brzmiał jak Chopin</translation>
    </message>
    <message>
        <location line="-403"/>
        <location line="+135"/>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Classify list</source>
        <translation>Lista klasyfikacji</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Play or pause the selected file</source>
        <translation>Odtwórz lub wstrzymaj zaznaczony plik</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where the model listened</source>
        <translation>Gdzie model słuchał</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brighter: masking that second changed the verdict most (occlusion, 1 s spans)</source>
        <translation>Jaśniej: zamaskowanie tej sekundy najbardziej zmieniło werdykt (okluzja, odcinki 1 s)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Loading model %1...</source>
        <translation>Wczytywanie modelu %1...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2 could not be loaded)</source>
        <translation>%1 (nie można wczytać %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. Still using %2.</source>
        <translation>%1. Nadal używany jest %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nothing can be classified yet: %1</source>
        <translation>Na razie nie można niczego sklasyfikować: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a classifier model</source>
        <translation>Wybierz model klasyfikatora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classifier models (*.pt);;All files (*)</source>
        <translation>Modele klasyfikatora (*.pt);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a folder of your pieces, with chopin/ and other/ subfolders</source>
        <translation>Wybierz folder ze swoimi utworami, z podfolderami chopin/ i other/</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the model is still loading; try again in a moment</source>
        <translation>model wciąż się wczytuje; spróbuj ponownie za chwilę</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calibrating needs a model to start from: %1</source>
        <translation>Kalibracja wymaga modelu wyjściowego: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop Calibrating</source>
        <translation>Zatrzymaj kalibrację</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibrating %1 on your pieces in %2...</source>
        <translation>Kalibrowanie %1 na Twoich utworach z %2...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Calibration stopped; the model in use is unchanged.</source>
        <translation>Kalibrację zatrzymano; używany model się nie zmienił.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot calibrate: %1. The model in use is unchanged.</source>
        <translation>Nie można skalibrować: %1. Używany model się nie zmienił.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing can be classified: %1</source>
        <translation>Nie można niczego sklasyfikować: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to classify: %1 holds no recordings or MIDI files (%2)</source>
        <translation>Nie ma czego klasyfikować: %1 nie zawiera nagrań ani plików MIDI (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to classify: %1 is not a recording or MIDI file (%2)</source>
        <translation>Nie ma czego klasyfikować: %1 nie jest nagraniem ani plikiem MIDI (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Left out %n file(s) that are not recordings or MIDI files: %1</source>
        <translation>
            <numerusform>Pominięto %n plik, który nie jest nagraniem ani plikiem MIDI: %1</numerusform>
            <numerusform>Pominięto %n pliki, które nie są nagraniami ani plikami MIDI: %1</numerusform>
            <numerusform>Pominięto %n plików, które nie są nagraniami ani plikami MIDI: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%v of %m</source>
        <translation>%v z %m</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, %1 not judged</source>
        <translation>, bez oceny: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; close calls: %1</source>
        <translation>; na granicy: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: not classified yet</source>
        <translation>%1: jeszcze nie sklasyfikowano</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> from %1 to %2</source>
        <translation> od %1 do %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, heard from its first channel alone (its two channels cancel each other out)</source>
        <translation>, słuchany tylko z pierwszego kanału (jego dwa kanały wzajemnie się znoszą)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MFCC</source>
        <translation>MFCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semitone bands</source>
        <translation>pasma półtonowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log-mel</source>
        <translation>log-mel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; overlay: occlusion of 1 s spans</source>
        <translation>; nakładka: okluzja odcinków 1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; overlay: clip contributions until the occlusion map is made (%1%)</source>
        <translation>; nakładka: udział fragmentów, dopóki mapa okluzji nie jest gotowa (%1%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; overlay: clip contributions</source>
        <translation>; nakładka: udział fragmentów</translation>
    </message>
    <message>
        <location line="-444"/>
        <source>Pause</source>
        <translation>Pauza</translation>
    </message>
    <message>
        <location line="+368"/>
        <source>%1 Chopin, %2 Other%3%4</source>
        <translation>Chopin: %1, inne: %2%3%4</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1: %2, P(Chopin) %3 over %4%5; spectrogram: %6 as decoded (nothing was recorded in the top bands, so in %7 of the clips the model heard them filled from the octaves below)%8</source>
        <translation>%1: %2, P(Chopin) %3, %4%5; spektrogram: %6 po zdekodowaniu (w najwyższych pasmach nic nie nagrano, więc w %7 fragmentach model słyszał je uzupełnione z oktaw poniżej)%8</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location line="+7"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n fragment</numerusform>
            <numerusform>%n fragmenty</numerusform>
            <numerusform>%n fragmentów</numerusform>
        </translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1: %2, P(Chopin) %3 over %4%5; spectrogram: %6 as the model heard it%7</source>
        <translation>%1: %2, P(Chopin) %3, %4%5; spektrogram: %6 tak, jak słyszał go model%7</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Cannot write %1: %2</source>
        <translation>Nie można zapisać %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export results</source>
        <translation>Eksportuj wyniki</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON with timelines (*.json);;CSV (*.csv)</source>
        <translation>JSON z przebiegami (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported to %1</source>
        <translation>Wyeksportowano do %1</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyResultsModel</name>
    <message>
        <location filename="../../ui/classify/ClassifyResultsModel.cpp" line="+37"/>
        <source>Chopin</source>
        <comment>verdict</comment>
        <translation>Chopin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <comment>verdict</comment>
        <translation>Inne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (close call)</source>
        <translation>%1 (na granicy)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Queued</source>
        <translation>W kolejce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Working...</source>
        <translation>Przetwarzanie...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>P(Chopin) = %1</source>
        <translation>P(Chopin) = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P(Chopin) %1 is close to even odds: treat this verdict as a guess</source>
        <translation>P(Chopin) %1 jest blisko równych szans: traktuj ten werdykt jako przypuszczenie</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verdict</source>
        <translation>Werdykt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P(Chopin)</source>
        <translation>P(Chopin)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Czas trwania</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyRowActions</name>
    <message>
        <location filename="../../ui/classify/ClassifyRowActions.cpp" line="+18"/>
        <source>&amp;Remove from List</source>
        <translation>&amp;Usuń z listy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take this result off the list (the file stays where it is)</source>
        <translation>Usuń ten wynik z listy (plik zostaje na miejscu)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open in &amp;Compose</source>
        <translation>Otwórz w &amp;Komponowaniu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show this MIDI file in the piano roll</source>
        <translation>Pokaż ten plik MIDI w pianoli</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open in &amp;Spectrogram</source>
        <translation>Otwórz w &amp;Spektrogramie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at this file in the Spectrogram area: zoom in, read off notes and levels</source>
        <translation>Obejrzyj ten plik w obszarze Spektrogram: powiększ, odczytaj nuty i poziomy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show in &amp;Folder</source>
        <translation>Pokaż w &amp;folderze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the folder that holds this file</source>
        <translation>Otwórz folder, w którym jest ten plik</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyTimelineChart</name>
    <message>
        <location filename="../../ui/classify/ClassifyTimelineChart.cpp" line="+32"/>
        <location line="+15"/>
        <source>P(Chopin)</source>
        <translation>P(Chopin)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>P(Chopin) of each clip; click to play from there</source>
        <translation>P(Chopin) każdego fragmentu; kliknij, aby odtworzyć od tego miejsca</translation>
    </message>
</context>
<context>
    <name>aichopin::ClassifyWorker</name>
    <message>
        <location filename="../../ui/classify/ClassifyWorker.cpp" line="+29"/>
        <source>No classifier model was found (resources/models/classifier-default.pt is not installed). Choose a model file (train one with &apos;aichopin-cli train-classifier&apos;).</source>
        <translation>Nie znaleziono modelu klasyfikatora (resources/models/classifier-default.pt nie jest zainstalowany). Wybierz plik modelu (wytrenuj go poleceniem &apos;aichopin-cli train-classifier&apos;).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot use the model %1: %2</source>
        <translation>Nie można użyć modelu %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model %1 (%2, %3 s clips)</source>
        <translation>Model %1 (%2, fragmenty %3 s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 semitone bands</source>
        <translation>%1 pasm półtonowych</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MFCCs</source>
        <translation>%1 współczynników MFCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 log-mel bands</source>
        <translation>%1 pasm log-mel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No classifier model is loaded</source>
        <translation>Nie wczytano modelu klasyfikatora</translation>
    </message>
</context>
<context>
    <name>aichopin::ComposePanel</name>
    <message>
        <location filename="../../ui/compose/ComposePanel.cpp" line="+117"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model: %1 (%2 could not be loaded)</source>
        <translation>Model: %1 (nie można wczytać %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not load the composer model %1: %2. Still using %3.</source>
        <translation>Nie można wczytać modelu kompozytora %1: %2. Nadal używany jest %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model: none loaded</source>
        <translation>Model: nie wczytano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not load the composer model %1: %2</source>
        <translation>Nie można wczytać modelu kompozytora %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (stopped)</source>
        <translation> (zatrzymano)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stopped: kept the %n note(s) composed so far.</source>
        <translation>
            <numerusform>Zatrzymano: zachowano %n dotąd skomponowaną nutę.</numerusform>
            <numerusform>Zatrzymano: zachowano %n dotąd skomponowane nuty.</numerusform>
            <numerusform>Zatrzymano: zachowano %n dotąd skomponowanych nut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Composing failed: %1</source>
        <translation>Komponowanie nie powiodło się: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model: none found (the shipped composer-default.pt is missing): choose a model file or train one</source>
        <translation>Model: nie znaleziono (brak dostarczanego composer-default.pt): wybierz plik modelu lub wytrenuj własny</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Compose</source>
        <translation>Komponuj</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+289"/>
        <source>Write a new piece with the model (Ctrl+Enter)</source>
        <translation>Napisz nowy utwór modelem (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop composing and keep what is written (Esc)</source>
        <translation>Przerwij komponowanie i zachowaj to, co napisano (Esc)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing</source>
        <translation>Nic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A MIDI file...</source>
        <translation>Plik MIDI...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The piece in the roll</source>
        <translation>Utwór z pianoli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The music before the selection</source>
        <translation>Muzyka przed zaznaczeniem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phrase recorded from a keyboard</source>
        <translation>Fraza nagrana z klawiatury</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the new music continues</source>
        <translation>Co kontynuuje nowa muzyka</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continue a MIDI File</source>
        <translation>Kontynuuj plik MIDI</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rewrite Selection</source>
        <translation>Przepisz zaznaczenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose the selected time range again (Ctrl+R; Shift+drag in the roll selects)</source>
        <translation>Skomponuj ponownie zaznaczony zakres czasu (Ctrl+R; Shift+przeciągnięcie w pianoli zaznacza)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Continue &amp;from</source>
        <translation>&amp;Na podstawie</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model: loading...</source>
        <translation>Model: wczytywanie...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose Model...</source>
        <translation>Wybierz model...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use another composer model file (for example one you trained)</source>
        <translation>Użyj innego pliku modelu kompozytora (na przykład wytrenowanego przez siebie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a Composer Model</source>
        <translation>Wybierz model kompozytora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Models (*.pt)</source>
        <translation>Modele (*.pt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show how sure the model was</source>
        <translation>Pokaż, jak pewny był model</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a strip under the roll with how likely each event the model chose was</source>
        <translation>Pokaż pod pianolą pasek z prawdopodobieństwem każdego zdarzenia wybranego przez model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show velocities</source>
        <translation>Pokaż głośność nut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a strip under the roll with how loud each note is, to draw the velocities with the mouse</source>
        <translation>Pokaż pod pianolą pasek z głośnością każdej nuty, by rysować ją myszą</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Undo</source>
        <translation>Cofnij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Ponów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last change of the piece: a composition, a rewrite or an opened file (Ctrl+Z)</source>
        <translation>Cofnij ostatnią zmianę utworu: kompozycję, przepisanie lub otwarty plik (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the undone change again (Ctrl+Shift+Z)</source>
        <translation>Ponów cofniętą zmianę (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export MIDI...</source>
        <translation>Eksportuj MIDI...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export WAV...</source>
        <translation>Eksportuj WAV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the piece as a MIDI file (Ctrl+E)</source>
        <translation>Zapisz utwór jako plik MIDI (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Render the piece to a WAV file with the synthesizer (Ctrl+Shift+E)</source>
        <translation>Wyrenderuj utwór syntezatorem do pliku WAV (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Recording from %1: %2 so far; press Stop Recording when done.</source>
        <translation>Nagrywanie z %1: dotąd %2; gdy skończysz, naciśnij Zatrzymaj nagrywanie.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Co&amp;ntinue This Piece</source>
        <translation>Kontyn&amp;uuj ten utwór</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write Length more seconds after the piece on the roll</source>
        <translation>Dopisz tyle sekund, ile wskazuje Długość, po utworze w pianoli</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Loop Selection</source>
        <translation>Zapęt&amp;l zaznaczenie</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Looping plays through the built-in synthesizer only</source>
        <translation>Zapętlanie działa tylko przez wbudowany syntezator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the selection over and over (%1 to %2)</source>
        <translation>Odtwarzaj zaznaczenie w kółko (od %1 do %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a time range (Shift+drag in the roll) to play it over and over</source>
        <translation>Zaznacz zakres czasu (Shift+przeciągnięcie w pianoli), by odtwarzać go w kółko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (Ctrl+L)</source>
        <translation> (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Untitled</source>
        <translation>Bez tytułu</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Export MIDI</source>
        <translation>Eksportuj MIDI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MIDI files (*.mid)</source>
        <translation>Pliki MIDI (*.mid)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export WAV</source>
        <translation>Eksportuj WAV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WAV audio (*.wav)</source>
        <translation>Dźwięk WAV (*.wav)</translation>
    </message>
    <message>
        <location line="-394"/>
        <source>&amp;Compose</source>
        <translation>&amp;Komponuj</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Stop Composing</source>
        <translation>&amp;Zatrzymaj komponowanie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rewrite Selection</source>
        <translation>&amp;Przepisz zaznaczenie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Odtwórz / wstrzymaj</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Model: loading %1...</source>
        <translation>Model: wczytywanie %1...</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>MIDI file: %1</source>
        <translation>Plik MIDI: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No composer model is loaded: %1</source>
        <translation>Nie wczytano modelu kompozytora: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Choose the MIDI file to continue first.</source>
        <translation>Najpierw wybierz plik MIDI do kontynuowania.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot continue %1: %2</source>
        <translation>Nie można kontynuować %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The roll is empty: there is nothing to continue.</source>
        <translation>Pianola jest pusta: nie ma czego kontynuować.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a time range first (Shift+drag in the roll).</source>
        <translation>Najpierw zaznacz zakres czasu (Shift+przeciągnięcie w pianoli).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record a phrase first (the Record button).</source>
        <translation>Najpierw nagraj frazę (przycisk Nagraj).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> It could not be kept as a file (%1): export it before you quit.</source>
        <translation> Nie udało się zachować jej jako pliku (%1): wyeksportuj ją przed zamknięciem programu.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No composer model is loaded yet.</source>
        <translation>Model kompozytora nie jest jeszcze wczytany.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Composition %1: %2 s, T %3, seed %4</source>
        <translation>Kompozycja %1: %2 s, T %3, ziarno %4</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rewrote %1, seed %2</source>
        <translation>Przepisano %1, ziarno %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Composing...</source>
        <translation>Komponowanie...</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Composed %1; the first event came after %2 ms.</source>
        <translation>Skomponowano: %1; pierwsze zdarzenie pojawiło się po %2 ms.</translation>
    </message>
    <message numerus="yes">
        <location line="-341"/>
        <location line="+342"/>
        <location line="+64"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nuta</numerusform>
            <numerusform>%n nuty</numerusform>
            <numerusform>%n nut</numerusform>
        </translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+3"/>
        <source>%1, rewritten</source>
        <translation>%1, przepisany</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Recorded %1 from %2; Compose continues them.</source>
        <translation>Nagrano z %2: %1; Komponuj je kontynuuje.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Nothing was played: no phrase recorded.</source>
        <translation>Nic nie zagrano: nie nagrano frazy.</translation>
    </message>
    <message>
        <location line="-555"/>
        <source>MIDI files (%1);;All files (*)</source>
        <translation>Pliki MIDI (%1);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+560"/>
        <source>Recorded phrase</source>
        <translation>Nagrana fraza</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+13"/>
        <source>Exported %1</source>
        <translation>Wyeksportowano %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Export failed: %1</source>
        <translation>Eksport nie powiódł się: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is nothing to export yet.</source>
        <translation>Na razie nie ma czego eksportować.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WAV export failed: %1</source>
        <translation>Eksport WAV nie powiódł się: %1</translation>
    </message>
</context>
<context>
    <name>aichopin::ComposeWorker</name>
    <message>
        <location filename="../../ui/compose/ComposeWorker.cpp" line="+26"/>
        <source>%1 (%2, %3k parameters)</source>
        <translation>%1 (%2, %3 tys. parametrów)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>performance events</source>
        <translation>zdarzenia wykonawcze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paper tokens</source>
        <translation>tokeny z artykułu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No composer model is loaded.</source>
        <translation>Nie wczytano modelu kompozytora.</translation>
    </message>
</context>
<context>
    <name>aichopin::CompositionList</name>
    <message>
        <location filename="../../ui/compose/CompositionList.cpp" line="+52"/>
        <source>Compositions</source>
        <translation>Kompozycje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every composition is kept as a MIDI file in %1</source>
        <translation>Każda kompozycja jest zachowywana jako plik MIDI w %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the folder where every composition is kept as a MIDI file: %1</source>
        <translation>Otwórz folder, w którym każda kompozycja jest zachowywana jako plik MIDI: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your compositions are in %1</source>
        <translation>Twoje kompozycje są w %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each piece you compose is listed here and kept as a MIDI file, so none is lost. Double-click one to bring it back.</source>
        <translation>Każdy skomponowany utwór pojawi się tutaj i zostanie zachowany jako plik MIDI, więc żaden nie przepadnie. Dwukrotne kliknięcie przywraca utwór.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Compositions list</source>
        <translation>Lista kompozycji</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Double-click to bring a composition back (undoable). Each is kept as a MIDI file, so earlier sessions&apos; are here too; drag one to your sequencer or file manager to copy its file.</source>
        <translation>Kliknij dwukrotnie, aby przywrócić kompozycję (można cofnąć). Każda jest zachowywana jako plik MIDI, więc są tu też kompozycje z wcześniejszych sesji; przeciągnij jedną do sekwencera lub menedżera plików, aby skopiować jej plik.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move to Trash</source>
        <translation>Przenieś do kosza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move this composition&apos;s MIDI file to the trash and take it off the list</source>
        <translation>Przenieś plik MIDI tej kompozycji do kosza i usuń ją z listy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (Shift+Delete)</source>
        <translation> (Shift+Delete)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not move %1 to the trash; it is still in %2.</source>
        <translation>Nie udało się przenieść %1 do kosza; nadal jest w %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Moved %1 to the trash.</source>
        <translation>Przeniesiono %1 do kosza.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Took %1 off the list (it had no file).</source>
        <translation>Usunięto %1 z listy (nie miała pliku).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not kept as a file: %1</source>
        <translation>Nie zachowano jako pliku: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot bring back %1: %2</source>
        <translation>Nie można przywrócić %1: %2</translation>
    </message>
</context>
<context>
    <name>aichopin::ConfidenceStrip</name>
    <message>
        <location filename="../../ui/compose/ConfidenceStrip.cpp" line="+31"/>
        <source>How sure the model was of each event it chose (top: certain, bottom: a long shot)</source>
        <translation>Jak pewny był model każdego wybranego zdarzenia (góra: pewne, dół: mało prawdopodobne)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>model
sure?</source>
        <translation>model
pewny?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shown for the model&apos;s compositions: how sure it was of each event it chose</source>
        <translation>Widoczne dla kompozycji modelu: jak pewny był każdego wybranego zdarzenia</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 s: %2 (p = %3)</source>
        <translation>%1 s: %2 (p = %3)</translation>
    </message>
</context>
<context>
    <name>aichopin::DatasetPanel</name>
    <message>
        <location filename="../../ui/dataset/DatasetPanel.cpp" line="+65"/>
        <source>This recording could not be decoded.</source>
        <translation>Nie można zdekodować tego nagrania.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Folders of music; subfolders give the labels (chopin/, other/, or one per composer)</source>
        <translation>Foldery z muzyką; podfoldery wyznaczają etykiety (chopin/, other/ lub jeden na kompozytora)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Folder...</source>
        <translation>Dodaj folder...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a folder of MIDI and audio files</source>
        <translation>Dodaj folder z plikami MIDI i audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the selected folder (its files stay on disk)</source>
        <translation>Zapomnij zaznaczony folder (jego pliki zostają na dysku)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a Folder of Music</source>
        <translation>Dodaj folder z muzyką</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dataset tree</source>
        <translation>Drzewo zbioru danych</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Etykieta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Czas trwania</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Nuty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+265"/>
        <source>Select a file to preview it.</source>
        <translation>Wybierz plik, aby go podejrzeć.</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Mel spectrogram: time to the right, low frequencies at the bottom</source>
        <translation>Spektrogram melowy: czas w prawo, niskie częstotliwości na dole</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Play the selected MIDI file</source>
        <translation>Odtwórz zaznaczony plik MIDI</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Reading %1...</source>
        <translation>Wczytywanie %1...</translation>
    </message>
    <message numerus="yes">
        <location line="+95"/>
        <location line="+45"/>
        <location line="+13"/>
        <location line="+7"/>
        <location line="+2"/>
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n utwór</numerusform>
            <numerusform>%n utwory</numerusform>
            <numerusform>%n utworów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-65"/>
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n nieczytelny</numerusform>
            <numerusform>%n nieczytelne</numerusform>
            <numerusform>%n nieczytelnych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Held out for validation when the composer trains on this folder</source>
        <translation>Odłożone do walidacji, gdy kompozytor trenuje na tym folderze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held out for validation when the classifier trains on this folder</source>
        <translation>Odkładany do walidacji, gdy klasyfikator trenuje na tym folderze</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no MIDI or audio files in this folder (%1)</source>
        <translation>brak plików MIDI i audio w tym folderze (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading...</source>
        <translation>Wczytywanie...</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Composer training holds out %1 for validation: %2</source>
        <translation>Trening kompozytora odkłada do walidacji %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Classifier training: %1 by Chopin against %2 by others; too few to hold any out for validation (a composer needs 3 or more pieces for one to be)</source>
        <translation>Trening klasyfikatora: %1 Chopina wobec %2 innych; za mało, by odłożyć któryś do walidacji (kompozytor potrzebuje co najmniej 3 utworów, by jeden odłożyć)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classifier training: %1 by Chopin against %2 by others; holds out %3 for validation (%4 by Chopin): %5</source>
        <translation>Trening klasyfikatora: %1 Chopina wobec %2 innych; do walidacji odkłada %3 (Chopina: %4): %5</translation>
    </message>
    <message>
        <location line="-20"/>
        <source> (%1 unreadable)</source>
        <translation> (nieczytelne: %1)</translation>
    </message>
    <message>
        <location line="-190"/>
        <location line="+184"/>
        <source>Add a folder of music (Add Folder..., or drop it here) to see what it holds.</source>
        <translation>Dodaj folder z muzyką (Dodaj folder... albo upuść go tutaj), aby zobaczyć, co zawiera.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2 h%3</source>
        <translation>%1, %2 h%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in the folder itself: %1</source>
        <translation>w samym folderze: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no MIDI or audio files</source>
        <translation>brak plików MIDI i audio</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 cannot be used: %2</source>
        <translation>Nie można użyć %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Computing the spectrogram of %1...</source>
        <translation>Obliczanie spektrogramu %1...</translation>
    </message>
</context>
<context>
    <name>aichopin::DatasetRowActions</name>
    <message>
        <location filename="../../ui/dataset/DatasetRowActions.cpp" line="+30"/>
        <source>Open in &amp;Compose</source>
        <translation>Otwórz w &amp;Komponowaniu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show this MIDI file in the piano roll</source>
        <translation>Pokaż ten plik MIDI w pianoli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lassify</source>
        <translation>K&amp;lasyfikuj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Does it sound like Chopin? A folder: every recording and MIDI file in it</source>
        <translation>Czy to brzmi jak Chopin? Folder: każde nagranie i plik MIDI w nim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in &amp;Spectrogram</source>
        <translation>Otwórz w &amp;Spektrogramie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look at this file in the Spectrogram area: zoom in, read off notes and levels</source>
        <translation>Obejrzyj ten plik w obszarze Spektrogram: powiększ, odczytaj nuty i poziomy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in &amp;Folder</source>
        <translation>Pokaż w &amp;folderze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the folder that holds this file</source>
        <translation>Otwórz folder, w którym jest ten plik</translation>
    </message>
</context>
<context>
    <name>aichopin::FilePlayer</name>
    <message>
        <location filename="../../ui/compose/FilePlayer.cpp" line="+84"/>
        <source>Cannot play: %1</source>
        <translation>Nie można odtworzyć: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Decoding %1...</source>
        <translation>Dekodowanie %1...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No audio device: playing silently, the playhead still runs (%1)</source>
        <translation>Brak urządzenia audio: odtwarzanie bez dźwięku, wskaźnik odtwarzania nadal się przesuwa (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Playing through %1</source>
        <translation>Odtwarzanie przez %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot play %1: %2</source>
        <translation>Nie można odtworzyć %1: %2</translation>
    </message>
</context>
<context>
    <name>aichopin::GenerationSettings</name>
    <message>
        <location filename="../../ui/compose/GenerationSettings.cpp" line="+30"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many seconds of new music to write</source>
        <translation>Ile sekund nowej muzyki napisać</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature: below 1 is safer and more repetitive, above 1 wilder</source>
        <translation>Temperatura: poniżej 1 bezpieczniej i bardziej powtarzalnie, powyżej 1 śmielej</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top-p: choose only among the most likely events that together hold this much probability</source>
        <translation>Top-p: wybieraj tylko spośród najbardziej prawdopodobnych zdarzeń, które razem mają tyle prawdopodobieństwa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Length</source>
        <translation>&amp;Długość</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Temperature</source>
        <translation>Tempe&amp;ratura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-&amp;p</source>
        <translation>Pró&amp;g top-p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;eed</source>
        <translation>&amp;Ziarno</translation>
    </message>
</context>
<context>
    <name>aichopin::MainWindow</name>
    <message>
        <location filename="../../ui/main/MainWindow.cpp" line="+51"/>
        <location line="+68"/>
        <location line="+178"/>
        <source>AI Chopin</source>
        <translation>AI Chopin</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Click Compose (Ctrl+Enter) to write a piece, or open a MIDI file (Ctrl+O).</source>
        <translation>Kliknij Komponuj (Ctrl+Enter), aby napisać utwór, lub otwórz plik MIDI (Ctrl+O).</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>&amp;Compose</source>
        <translation>Komp&amp;onowanie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lassify</source>
        <translation>K&amp;lasyfikacja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Spectrogram</source>
        <translation>&amp;Spektrogram</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compose now uses %1</source>
        <translation>Komponowanie używa teraz %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Classify now uses %1</source>
        <translation>Klasyfikacja używa teraz %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Training</source>
        <translation>&amp;Trening</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dataset</source>
        <translation>Zbiór d&amp;anych</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The piece on the roll (%1) has changes that are not saved in any file.</source>
        <translation>Utwór w pianoli (%1) ma zmiany, które nie są zapisane w żadnym pliku.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export it as a MIDI file before quitting?</source>
        <translation>Wyeksportować go do pliku MIDI przed zamknięciem?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export MIDI...</source>
        <translation>Eksportuj MIDI...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Without Saving</source>
        <translation>Zakończ bez zapisywania</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open MIDI File...</source>
        <translation>&amp;Otwórz plik MIDI...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show a MIDI file in the piano roll</source>
        <translation>Pokaż plik MIDI w pianoli</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export &amp;MIDI...</source>
        <translation>Eksportuj &amp;MIDI...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;WAV...</source>
        <translation>Eksportuj &amp;WAV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the window (the settings are kept)</source>
        <translation>Zamknij okno (ustawienia zostają zachowane)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;ompose</source>
        <translation>&amp;Komponuj</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Classify &amp;This Piece</source>
        <translation>Sklasyfikuj &amp;ten utwór</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the classifier whether the piece on the roll sounds like Chopin</source>
        <translation>Zapytaj klasyfikator, czy utwór z pianoli brzmi jak Chopin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Po&amp;większ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>Pomn&amp;iejsz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit Piece</source>
        <translation>&amp;Dopasuj utwór</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>S&amp;króty klawiszowe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List every command&apos;s keys and the piano roll&apos;s gestures</source>
        <translation>Pokaż klawisze każdego polecenia i gesty pianoli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AI Chopin</source>
        <translation>&amp;O programie AI Chopin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>O &amp;Qt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open MIDI File</source>
        <translation>Otwórz plik MIDI</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>There is no piece to classify yet: compose one or open a MIDI file.</source>
        <translation>Nie ma jeszcze utworu do klasyfikacji: skomponuj go lub otwórz plik MIDI.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot create %1</source>
        <translation>nie można utworzyć %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot classify the piece: %1</source>
        <translation>Nie można sklasyfikować utworu: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Added %n folder(s) to the dataset</source>
        <translation>
            <numerusform>Dodano %n folder do zbioru danych</numerusform>
            <numerusform>Dodano %n foldery do zbioru danych</numerusform>
            <numerusform>Dodano %n folderów do zbioru danych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training is under way: its data folder changes once it has finished or been stopped.</source>
        <translation>Trwa trening: jego folder danych można zmienić, gdy się zakończy lub zostanie zatrzymany.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop one folder to train on, not %1.</source>
        <translation>Upuść jeden folder do treningu, a nie %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training data: %1</source>
        <translation>Dane treningowe: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Drop MIDI files (.mid) or recordings (mp3, wav, flac, ogg, m4a, aiff, videos...) here.</source>
        <translation>Upuść tutaj pliki MIDI (.mid) lub nagrania (mp3, wav, flac, ogg, m4a, aiff, filmy...).</translation>
    </message>
    <message numerus="yes">
        <location line="-144"/>
        <source>None of the %n file(s) can be classified (see the Classify area).</source>
        <translation>
            <numerusform>Nie można sklasyfikować %n pliku (zobacz obszar Klasyfikacja).</numerusform>
            <numerusform>Żadnego z %n plików nie można sklasyfikować (zobacz obszar Klasyfikacja).</numerusform>
            <numerusform>Żadnego z %n plików nie można sklasyfikować (zobacz obszar Klasyfikacja).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not open %1: it holds no notes (%2, no note-on events); the piece on screen stays</source>
        <translation>Nie można otworzyć %1: nie zawiera nut (%2, brak zdarzeń note-on); utwór na ekranie zostaje</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+27"/>
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n ścieżka</numerusform>
            <numerusform>%n ścieżki</numerusform>
            <numerusform>%n ścieżek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nuta</numerusform>
            <numerusform>%n nuty</numerusform>
            <numerusform>%n nut</numerusform>
        </translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Cannot classify %1 (see the Classify area).</source>
        <translation>Nie można sklasyfikować %1 (zobacz obszar Klasyfikacja).</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>MIDI files (%1);;All files (*)</source>
        <translation>Pliki MIDI (%1);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Still opening %1...</source>
        <translation>Nadal otwieranie %1...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening %1...</source>
        <translation>Otwieranie %1...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not open %1: %2</source>
        <translation>Nie można otworzyć %1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open %1</source>
        <translation>Otwórz %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2, %3:%4%5</source>
        <translation>%1: %2, %3:%4%5</translation>
    </message>
    <message>
        <location line="-181"/>
        <location line="+179"/>
        <location line="+21"/>
        <source>Untitled</source>
        <translation>Bez tytułu</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 - AI Chopin</source>
        <translation>%1 - AI Chopin</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Opened %1</source>
        <translation>Otwarto %1</translation>
    </message>
</context>
<context>
    <name>aichopin::PhraseRecorder</name>
    <message>
        <location filename="../../ui/compose/PhraseRecorder.cpp" line="+61"/>
        <source>Stop Recording</source>
        <translation>Zatrzymaj nagrywanie</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>Record</source>
        <translation>Nagraj</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Stop recording: Compose then continues the phrase</source>
        <translation>Zatrzymaj nagrywanie: Komponuj będzie potem kontynuować frazę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a phrase for the model to continue, played on a MIDI keyboard or, without one, on the keys at the left of the roll</source>
        <translation>Nagraj frazę, którą model będzie kontynuował, zagraną na klawiaturze MIDI albo, bez niej, na klawiszach po lewej stronie pianoli</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the roll&apos;s keyboard</source>
        <translation>klawiatury pianoli</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No MIDI keyboard (%1): click the keys at the left of the roll to play a phrase, then press Stop Recording.</source>
        <translation>Brak klawiatury MIDI (%1): klikaj klawisze po lewej stronie pianoli, aby zagrać frazę, a potem naciśnij Zatrzymaj nagrywanie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no input ports</source>
        <translation>brak portów wejściowych</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MIDI input</source>
        <translation>Wejście MIDI</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot record: %1</source>
        <translation>Nie można nagrywać: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording from %1: play a phrase, then press Stop Recording.</source>
        <translation>Nagrywanie z %1: zagraj frazę, a potem naciśnij Zatrzymaj nagrywanie.</translation>
    </message>
</context>
<context>
    <name>aichopin::PianoRollView</name>
    <message>
        <location filename="../../ui/pianoroll/PianoRollView.cpp" line="+37"/>
        <source>Piano roll</source>
        <translation>Pianola</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>Open a MIDI file (Ctrl+O) or drop one here</source>
        <translation>Otwórz plik MIDI (Ctrl+O) lub upuść go tutaj</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>C4 (middle C)</source>
        <translation>C4 (środkowe C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, velocity %2: %3 to %4 (%5 s)</source>
        <translation>%1, siła uderzenia %2: od %3 do %4 (%5 s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, bar %2</source>
        <translation>%1, takt %2</translation>
    </message>
</context>
<context>
    <name>aichopin::PieceEdits</name>
    <message>
        <location filename="../../ui/compose/PieceEdits.cpp" line="+40"/>
        <source>Select &amp;All</source>
        <translation>Zaznacz &amp;wszystko</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the whole piece&apos;s time, to loop, rewrite or edit all of it</source>
        <translation>Zaznacz cały czas utworu, aby zapętlić, przepisać lub edytować go w całości</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete Notes in Selection</source>
        <translation>&amp;Usuń nuty z zaznaczenia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selection&apos;s notes: those that start in its time (and, for a box, lie in its keys)</source>
        <translation>Usuń nuty zaznaczenia: te, które zaczynają się w jego czasie (a w przypadku ramki leżą na jej klawiszach)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Crop to Selection</source>
        <translation>P&amp;rzytnij do zaznaczenia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep only the selected time range, as a piece of its own (to export or continue it)</source>
        <translation>Zostaw tylko zaznaczony zakres czasu jako osobny utwór (aby go wyeksportować lub kontynuować)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transpose Up a &amp;Semitone</source>
        <translation>Transponuj w &amp;górę o półton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpose Down a S&amp;emitone</source>
        <translation>Transponuj w &amp;dół o półton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpose Up an &amp;Octave</source>
        <translation>Transponuj w górę o &amp;oktawę</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move the selection&apos;s notes, or the whole piece&apos;s with no selection</source>
        <translation>Przesuń nuty zaznaczenia, a bez zaznaczenia całego utworu</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Louder</source>
        <translation>Głośn&amp;iej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the selection&apos;s notes, or the whole piece&apos;s with no selection, louder (velocities times 1.2)</source>
        <translation>Nuty zaznaczenia (bez zaznaczenia: całego utworu) zagrane głośniej (siła uderzenia razy 1,2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>So&amp;fter</source>
        <translation>Ci&amp;szej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the selection&apos;s notes, or the whole piece&apos;s with no selection, softer (velocities divided by 1.2)</source>
        <translation>Nuty zaznaczenia (bez zaznaczenia: całego utworu) zagrane ciszej (siła uderzenia podzielona przez 1,2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slo&amp;w Down the Piece</source>
        <translation>&amp;Zwolnij utwór</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the whole piece 10% slower for good, its tempo with it (the transport&apos;s Speed only changes playback)</source>
        <translation>Zwolnij cały utwór o 10% na stałe, razem z tempem (Szybkość w transporcie zmienia tylko odtwarzanie)</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Cu&amp;t</source>
        <translation>Wy&amp;tnij</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the selection&apos;s notes out of the piece, to paste them elsewhere</source>
        <translation>Wyjmij nuty zaznaczenia z utworu, aby wkleić je gdzie indziej</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cop&amp;y</source>
        <translation>Kopiu&amp;j</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the selection&apos;s notes, to paste them elsewhere</source>
        <translation>Zapamiętaj nuty zaznaczenia, aby wkleić je gdzie indziej</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>Wk&amp;lej</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the notes copied into the piece from the playhead (click where they should start)</source>
        <translation>Wstaw skopiowane nuty do utworu od znacznika odtwarzania (kliknij, gdzie mają się zaczynać)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dupl&amp;icate</source>
        <translation>Powi&amp;el</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat the selection&apos;s notes just after it (a selection of bars: from the next bar)</source>
        <translation>Powtórz nuty zaznaczenia tuż po nim (zaznaczenie taktów: od następnego taktu)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Transpose Down an Octa&amp;ve</source>
        <translation>Transponuj w dół o o&amp;ktawę</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Move Notes Earlier</source>
        <translation>Przesuń nuty wcześ&amp;niej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selection&apos;s notes a step earlier (a sixteenth in a piece with bars, else 0.05 s)</source>
        <translation>Przesuń nuty zaznaczenia o krok wcześniej (o szesnastkę w utworze z taktami, inaczej o 0,05 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Notes Later</source>
        <translation>Przesuń nuty pó&amp;źniej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selection&apos;s notes a step later (a sixteenth in a piece with bars, else 0.05 s)</source>
        <translation>Przesuń nuty zaznaczenia o krok później (o szesnastkę w utworze z taktami, inaczej o 0,05 s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Speed Up t&amp;he Piece</source>
        <translation>Prz&amp;yspiesz utwór</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the whole piece 10% faster for good, its tempo with it (the transport&apos;s Speed only changes playback)</source>
        <translation>Przyspiesz cały utwór o 10% na stałe, razem z tempem (Szybkość w transporcie zmienia tylko odtwarzanie)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>bars %1 to %2</source>
        <translation>takty od %1 do %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>od %1 do %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2 only)</source>
        <translation>%1 (tylko %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (od %2 do %3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No notes start in %1: nothing to delete.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego usunąć.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Deleted %n note(s) in %1</source>
        <translation>
            <numerusform>Usunięto %n nutę (%1)</numerusform>
            <numerusform>Usunięto %n nuty (%1)</numerusform>
            <numerusform>Usunięto %n nut (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No notes start in %1: nothing to copy.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego skopiować.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Copied %n note(s) of %1: click where they should go and paste them (Ctrl+V).</source>
        <translation>
            <numerusform>Skopiowano %n nutę (%1): kliknij, gdzie mają trafić, i wklej je (Ctrl+V).</numerusform>
            <numerusform>Skopiowano %n nuty (%1): kliknij, gdzie mają trafić, i wklej je (Ctrl+V).</numerusform>
            <numerusform>Skopiowano %n nut (%1): kliknij, gdzie mają trafić, i wklej je (Ctrl+V).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No notes start in %1: nothing to cut.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego wyciąć.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Cut %n note(s) of %1</source>
        <translation>
            <numerusform>Wycięto %n nutę (%1)</numerusform>
            <numerusform>Wycięto %n nuty (%1)</numerusform>
            <numerusform>Wycięto %n nut (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>bar %1</source>
        <translation>takt %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Pasted %n note(s) at %1</source>
        <translation>
            <numerusform>Wklejono %n nutę (%1)</numerusform>
            <numerusform>Wklejono %n nuty (%1)</numerusform>
            <numerusform>Wklejono %n nut (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No notes start in %1: nothing to duplicate.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego powielić.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duplicated %1</source>
        <translation>Powielono %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No notes start in %1: nothing to keep.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego zostawić.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cropped to %1</source>
        <translation>Przycięto do: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the piece</source>
        <translation>utwór</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No notes start in %1: nothing to transpose.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego transponować.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot transpose %1 so far: a note would leave the MIDI range (C-1 to G9).</source>
        <translation>Nie można tak daleko transponować (%1): nuta wyszłaby poza zakres MIDI (C-1 do G9).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transposed %1 up a semitone</source>
        <translation>Transponowano %1 w górę o półton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transposed %1 down a semitone</source>
        <translation>Transponowano %1 w dół o półton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transposed %1 up an octave</source>
        <translation>Transponowano %1 w górę o oktawę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transposed %1 down an octave</source>
        <translation>Transponowano %1 w dół o oktawę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transposed %1 by %2 semitones</source>
        <translation>Transponowano %1 o %2 półtonów</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No notes start in %1: nothing to move.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego przesunąć.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The notes of %1 start at the beginning: they cannot move earlier.</source>
        <translation>Nuty z zakresu %1 zaczynają się na początku: nie można ich przesunąć wcześniej.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Moved %1 earlier</source>
        <translation>Przesunięto %1 wcześniej</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved %1 later</source>
        <translation>Przesunięto %1 później</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No notes start in %1: nothing to make louder.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego pogłośnić.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No notes start in %1: nothing to make softer.</source>
        <translation>Żadna nuta nie zaczyna się w zakresie %1: nie ma czego ściszyć.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The notes of %1 are as loud as MIDI goes (velocity 127).</source>
        <translation>Nuty (%1) są już tak głośne, jak pozwala MIDI (siła uderzenia 127).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notes of %1 are as soft as MIDI goes (velocity 1).</source>
        <translation>Nuty (%1) są już tak ciche, jak pozwala MIDI (siła uderzenia 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+62"/>
        <source>Made %1 louder</source>
        <translation>Głośniej: %1</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+65"/>
        <source>Made %1 softer</source>
        <translation>Ciszej: %1</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>The piece cannot be slower: its tempo would leave MIDI&apos;s range.</source>
        <translation>Utwór nie może być wolniejszy: tempo wyszłoby poza zakres MIDI.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The piece cannot be faster: its tempo would leave MIDI&apos;s range.</source>
        <translation>Utwór nie może być szybszy: tempo wyszłoby poza zakres MIDI.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slowed the piece down (now %1 long)</source>
        <translation>Zwolniono utwór (trwa teraz %1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sped the piece up (now %1 long)</source>
        <translation>Przyspieszono utwór (trwa teraz %1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>That note is not in the piece any more.</source>
        <translation>Tej nuty nie ma już w utworze.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+119"/>
        <location line="+5"/>
        <location line="+104"/>
        <source>%1 at %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Cannot move %1 so far: it would leave the MIDI range (C-1 to G9).</source>
        <translation>Nie można tak daleko przesunąć nuty %1: wyszłaby poza zakres MIDI (C-1 do G9).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Deleted %1</source>
        <translation>Usunięto %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moved %1 up a semitone</source>
        <translation>Przesunięto %1 w górę o półton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved %1 down a semitone</source>
        <translation>Przesunięto %1 w dół o półton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved %1 up an octave</source>
        <translation>Przesunięto %1 w górę o oktawę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved %1 down an octave</source>
        <translation>Przesunięto %1 w dół o oktawę</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is as loud as MIDI goes (velocity 127).</source>
        <translation>Nuta %1 jest już tak głośna, jak pozwala MIDI (siła uderzenia 127).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is as soft as MIDI goes (velocity 1).</source>
        <translation>Nuta %1 jest już tak cicha, jak pozwala MIDI (siła uderzenia 1).</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Set the length of %1 to %2 s</source>
        <translation>Długość nuty %1: %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moved %1 to %2</source>
        <translation>Przesunięto %1 na %2</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Moved the %n note(s) of %1</source>
        <translation>
            <numerusform>Przesunięto %n nutę (%1)</numerusform>
            <numerusform>Przesunięto %n nuty (%1)</numerusform>
            <numerusform>Przesunięto %n nut (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Drew the velocities of %n note(s)</source>
        <translation>
            <numerusform>Narysowano głośność %n nuty</numerusform>
            <numerusform>Narysowano głośność %n nut</numerusform>
            <numerusform>Narysowano głośność %n nut</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Added %1</source>
        <translation>Dodano %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a &amp;Note Here (%1 at %2)</source>
        <translation>Dodaj tu &amp;nutę (%1, %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, velocity %2, at %3</source>
        <translation>%1, siła uderzenia %2, początek %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete This &amp;Note</source>
        <translation>Usuń tę &amp;nutę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Note &amp;Up a Semitone</source>
        <translation>Pr&amp;zesuń nutę o półton w górę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Note Do&amp;wn a Semitone</source>
        <translation>Przesuń nu&amp;tę o półton w dół</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Note U&amp;p an Octave</source>
        <translation>Przesuń nutę o okt&amp;awę w górę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Note Down an Octa&amp;ve</source>
        <translation>Prz&amp;esuń nutę o oktawę w dół</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Note Loude&amp;r</source>
        <translation>T&amp;ylko ta nuta głośniej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;his Note Softer</source>
        <translation>Tylko ta nuta cisze&amp;j</translation>
    </message>
</context>
<context>
    <name>aichopin::PlaybackController</name>
    <message>
        <location filename="../../ui/compose/PlaybackController.cpp" line="+27"/>
        <source>No sound: %1</source>
        <translation>Brak dźwięku: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sound: FluidSynth (%1) through %2</source>
        <translation>Dźwięk: FluidSynth (%1) przez %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No audio device (%1): playing silently; MIDI output and WAV export still work</source>
        <translation>Brak urządzenia audio (%1): odtwarzanie bez dźwięku; wyjście MIDI i eksport WAV nadal działają</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the soundfont...</source>
        <translation>Wczytywanie soundfontu...</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Sound: FluidSynth through %1</source>
        <translation>Dźwięk: FluidSynth przez %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No audio device: playing silently</source>
        <translation>Brak urządzenia audio: odtwarzanie bez dźwięku</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MIDI output unavailable: %1</source>
        <translation>Wyjście MIDI niedostępne: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sound: MIDI output %1</source>
        <translation>Dźwięk: wyjście MIDI %1</translation>
    </message>
</context>
<context>
    <name>aichopin::RecentFilesMenu</name>
    <message>
        <location filename="../../ui/main/RecentFilesMenu.cpp" line="+14"/>
        <source>Open &amp;Recent</source>
        <translation>Ostatnie pli&amp;ki</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 (not found)</source>
        <translation>%1 (nie znaleziono)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Wyczyść menu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forget the files opened recently</source>
        <translation>Zapomnij ostatnio otwierane pliki</translation>
    </message>
</context>
<context>
    <name>aichopin::SeedControl</name>
    <message>
        <location filename="../../ui/compose/SeedControl.cpp" line="+18"/>
        <source>Seed: the same seed and settings compose the same notes</source>
        <translation>Ziarno: to samo ziarno i te same ustawienia dają te same nuty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random</source>
        <translation>Losowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a new random seed</source>
        <translation>Wylosuj nowe ziarno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New each time</source>
        <translation>Nowe za każdym razem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draw a new seed for each Compose and Rewrite, so each gives new music. Typing a seed unticks it: that seed is then repeated.</source>
        <translation>Losuj nowe ziarno przy każdym komponowaniu i przepisywaniu, by za każdym razem powstała nowa muzyka. Wpisanie ziarna odznacza to pole: to ziarno jest wtedy powtarzane.</translation>
    </message>
</context>
<context>
    <name>aichopin::ShortcutsDialog</name>
    <message>
        <location filename="../../ui/main/ShortcutsDialog.cpp" line="+28"/>
        <source>Keyboard Shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command</source>
        <translation>Polecenie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Klawisze</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+37"/>
        <source> or </source>
        <translation> lub </translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Piano roll</source>
        <translation>Pianola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: play or pause</source>
        <translation>%1: odtwarzanie lub pauza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Space</source>
        <translation>Spacja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: select a time range (whole bars in a piece with bars)</source>
        <translation>%1: zaznaczenie zakresu czasu (całe takty w utworze z taktami)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+drag</source>
        <translation>Shift+przeciągnięcie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: select any time range</source>
        <translation>%1: zaznaczenie dowolnego zakresu czasu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+drag</source>
        <translation>Ctrl+Shift+przeciągnięcie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: select bars (seconds without bars) from the playhead, or take them back</source>
        <translation>%1: zaznaczanie taktów (bez taktów: sekund) od znacznika odtwarzania lub cofanie zaznaczenia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+Right, Shift+Left</source>
        <translation>Shift+Prawo, Shift+Lewo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: select the notes of some keys only (a box)</source>
        <translation>%1: zaznaczenie nut tylko niektórych klawiszy (ramka)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag from an empty place</source>
        <translation>Przeciągnięcie od pustego miejsca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: add a note to the selection, or take it out</source>
        <translation>%1: dodanie nuty do zaznaczenia lub usunięcie jej z niego</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+click the note</source>
        <translation>Ctrl+kliknięcie nuty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: move the playhead</source>
        <translation>%1: przesunięcie głowicy odtwarzania</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click</source>
        <translation>Kliknięcie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: hear a key</source>
        <translation>%1: usłyszenie klawisza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click a key at the left</source>
        <translation>Kliknięcie klawisza po lewej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: delete, move, or make louder or softer one note</source>
        <translation>%1: usunięcie, przesunięcie, pogłośnienie lub ściszenie jednej nuty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right-click the note</source>
        <translation>Kliknięcie nuty prawym przyciskiem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: add a note</source>
        <translation>%1: dodanie nuty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Double-click an empty place</source>
        <translation>Dwukrotne kliknięcie pustego miejsca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: move a note to another key or time (Esc puts it back)</source>
        <translation>%1: przesunięcie nuty na inny klawisz lub w czasie (Esc ją cofa)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag the note</source>
        <translation>Przeciągnięcie nuty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: move the selection&apos;s notes together</source>
        <translation>%1: przesunięcie wszystkich nut zaznaczenia naraz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag one of them</source>
        <translation>Przeciągnięcie jednej z nich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: make a note longer or shorter</source>
        <translation>%1: wydłużenie lub skrócenie nuty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag the note&apos;s end</source>
        <translation>Przeciągnięcie końca nuty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: draw the notes&apos; velocities (the selection&apos;s only, when there is one)</source>
        <translation>%1: rysowanie głośności nut (tylko nut zaznaczenia, jeśli jest)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag across the velocity strip</source>
        <translation>Przeciągnięcie po pasku głośności</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: zoom in, out, fit the piece</source>
        <translation>%1: powiększenie, pomniejszenie, dopasowanie do utworu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+, -, 0</source>
        <translation>+, -, 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: scroll</source>
        <translation>%1: przewijanie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrow keys, Page Up, Page Down, Home, End</source>
        <translation>Strzałki, Page Up, Page Down, Home, End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: clear the selection</source>
        <translation>%1: usunięcie zaznaczenia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>aichopin::SpectrogramPanel</name>
    <message>
        <location filename="../../ui/spectrogram/SpectrogramPanel.cpp" line="+23"/>
        <source>Open Recording...</source>
        <translation>Otwórz nagranie...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a Recording</source>
        <translation>Otwórz nagranie</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Show the spectrogram of a recording (mp3, wav, flac, ogg, m4a, aiff, the sound of a video...) or a MIDI file</source>
        <translation>Pokaż spektrogram nagrania (mp3, wav, flac, ogg, m4a, aiff, dźwięk filmu...) lub pliku MIDI</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Music (%1);;All files (*)</source>
        <translation>Muzyka (%1);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mel spectrogram</source>
        <translation>Spektrogram melowy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MFCC</source>
        <translation>MFCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semitone bands</source>
        <translation>Pasma półtonowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-mel: energy in 128 bands on the mel scale; MFCC: the paper&apos;s 20 cepstral coefficients; semitone bands: energy around each note from C1 to B8, what the shipped classifier hears</source>
        <translation>Log-mel: energia w 128 pasmach skali melowej; MFCC: 20 współczynników cepstralnych z artykułu; pasma półtonowe: energia wokół każdej nuty od C1 do B8, to, co słyszy dostarczony klasyfikator</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+29"/>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Play the file from the playhead (click the picture to move it)</source>
        <translation>Odtwórz plik od znacznika odtwarzania (kliknij obraz, aby go przesunąć)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify</source>
        <translation>Klasyfikuj</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does it sound like Chopin? The file goes to the Classify area for a verdict</source>
        <translation>Czy to brzmi jak Chopin? Plik trafia do obszaru Klasyfikacja po werdykt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a recording or a MIDI file, or drop one on the window.</source>
        <translation>Otwórz nagranie lub plik MIDI albo upuść go na okno.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pause</source>
        <translation>Pauza</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Analysing %1...</source>
        <translation>Analizowanie %1...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot show %1: %2</source>
        <translation>Nie można pokazać %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2:%3</source>
        <translation>%1: %2:%3</translation>
    </message>
</context>
<context>
    <name>aichopin::SpectrogramView</name>
    <message>
        <location filename="../../ui/spectrogram/SpectrogramView.cpp" line="+29"/>
        <source>Spectrogram: Ctrl+wheel zooms, wheel scrolls, click to play from there</source>
        <translation>Spektrogram: Ctrl+kółko przybliża, kółko przewija, kliknięcie odtwarza od tego miejsca</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>No spectrogram yet</source>
        <translation>Brak spektrogramu</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>  (low frequencies at the bottom)</source>
        <translation>  (niskie częstotliwości na dole)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 Hz (%2)</source>
        <translation>%1 Hz (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>band %1 of %2</source>
        <translation>pasmo %1 z %2</translation>
    </message>
</context>
<context>
    <name>aichopin::TrainingCharts</name>
    <message>
        <location filename="../../ui/training/TrainingCharts.cpp" line="+21"/>
        <source>Loss (nats per event) by epoch</source>
        <translation>Strata (naty na zdarzenie) według epok</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+39"/>
        <source>batch loss</source>
        <translation>strata partii</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>training (epoch)</source>
        <translation>trening (epoka)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation (epoch)</source>
        <translation>walidacja (epoka)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best so far (saved)</source>
        <translation>najlepsza dotąd (zapisana)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training accuracy</source>
        <translation>dokładność treningowa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>validation accuracy</source>
        <translation>dokładność walidacyjna</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>epoch</source>
        <translation>epoka</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loss</source>
        <translation>strata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accuracy, AUC</source>
        <translation>dokładność, AUC</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>training loss</source>
        <translation>strata treningowa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation loss</source>
        <translation>strata walidacyjna</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+33"/>
        <source>validation piece ROC AUC</source>
        <translation>ROC AUC utworów walidacyjnych</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 at epoch %2: %3</source>
        <translation>%1 w epoce %2: %3</translation>
    </message>
</context>
<context>
    <name>aichopin::TrainingPanel</name>
    <message>
        <location filename="../../ui/training/TrainingPanel.cpp" line="+58"/>
        <source>%1 %2, elapsed %3, about %4 left</source>
        <translation>%1 %2, upłynęło %3, zostało około %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Epoch %1/%2: training %3, validation %4 nats/event%5</source>
        <translation>Epoka %1/%2: trening %3, walidacja %4 natów/zdarzenie%5</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+4"/>
        <location line="+6"/>
        <source> (best so far, saved)</source>
        <translation> (najlepsza dotąd, zapisana)</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Epoch %1/%2: loss %3, accuracy %4 (training); no validation pieces, so the epoch kept is the one with the lowest training loss%5</source>
        <translation>Epoka %1/%2: strata %3, dokładność %4 (trening); brak utworów walidacyjnych, więc zachowana zostaje epoka o najniższej stracie treningowej%5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Epoch %1/%2: loss %3 (training), %4 (validation); validation piece accuracy %5, piece ROC AUC %6%7</source>
        <translation>Epoka %1/%2: strata %3 (trening), %4 (walidacja); dokładność utworów walidacyjnych %5, ROC AUC utworów %6%7</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>n/a (one class)</source>
        <translation>b.d. (jedna klasa)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Paused; the checkpoint is saved. Resume continues from it.</source>
        <translation>Wstrzymano; punkt kontrolny jest zapisany. Wznów kontynuuje od niego.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped. The best model so far is in %1; the run can be resumed later from its checkpoint.</source>
        <translation>Zatrzymano. Najlepszy dotąd model jest w %1; trening można wznowić później z jego punktu kontrolnego.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Training failed: %1</source>
        <translation>Trening nie powiódł się: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A training run was interrupted (%1). Resume it from its last checkpoint?</source>
        <translation>Trening został przerwany (%1). Wznowić go od ostatniego punktu kontrolnego?</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+110"/>
        <source>Resume</source>
        <translation>Wznów</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Discard</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the interrupted run from its last checkpoint</source>
        <translation>Kontynuuj przerwany trening od ostatniego punktu kontrolnego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the interrupted run (its best model so far stays on disk)</source>
        <translation>Zapomnij przerwany trening (jego najlepszy dotąd model zostaje na dysku)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Composer (LSTM on MIDI files)</source>
        <translation>Kompozytor (LSTM na plikach MIDI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classifier (CNN: Chopin or Other)</source>
        <translation>Klasyfikator (CNN: Chopin lub inne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to train</source>
        <translation>Co trenować</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Task</source>
        <translation>&amp;Zadanie</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>A folder of MIDI files (searched with its subfolders)</source>
        <translation>Folder plików MIDI (przeszukiwany z podfolderami)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The music to learn from: every .mid file in this folder and below</source>
        <translation>Muzyka do nauki: każdy plik .mid w tym folderze i niżej</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>%1  (%p% of the run)</source>
        <translation>%1  (%p% przebiegu)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finished</source>
        <translation>Zakończono</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paused at %p% of the run</source>
        <translation>Wstrzymano przy %p% przebiegu</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+514"/>
        <source>Stopped at %p% of the run</source>
        <translation>Zatrzymano przy %p% przebiegu</translation>
    </message>
    <message>
        <location line="-505"/>
        <source>Failed at %p% of the run</source>
        <translation>Nie powiodło się przy %p% przebiegu</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+65"/>
        <source>Browse...</source>
        <translation>Przeglądaj...</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Choose the folder of music to train on</source>
        <translation>Wybierz folder z muzyką do treningu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training Data</source>
        <translation>Dane treningowe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Data</source>
        <translation>&amp;Dane</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Preset</source>
        <translation>Waria&amp;nt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The preset&apos;s</source>
        <translation>Z wariantu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-mel bands</source>
        <translation>Pasma log-mel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MFCC</source>
        <translation>MFCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semitone bands (pitch)</source>
        <translation>Pasma półtonowe (wysokość dźwięku)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the network hears: log-mel bands (timbre and register), the paper&apos;s MFCC, or one band per semitone from C1 to B8 (notes and harmony)</source>
        <translation>Co słyszy sieć: pasma log-mel (barwa i rejestr), MFCC z artykułu lub jedno pasmo na półton od C1 do B8 (nuty i harmonia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Input</source>
        <translation>&amp;Wejście</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passes over the training pieces; training also stops early when validation stops improving</source>
        <translation>Przejścia przez utwory treningowe; trening kończy się też wcześniej, gdy walidacja przestaje się poprawiać</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Epochs</source>
        <translation>&amp;Maks. epok</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no limit</source>
        <translation>bez limitu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after this much time (the best model so far is kept)</source>
        <translation>Zakończ po tym czasie (najlepszy dotąd model zostaje zachowany)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time &amp;limit</source>
        <translation>L&amp;imit czasu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adam&apos;s step size; it halves after an epoch that did not improve</source>
        <translation>Wielkość kroku Adama; zmniejsza się o połowę po epoce bez poprawy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning &amp;rate</source>
        <translation>Szy&amp;bkość uczenia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sequences trained in parallel; larger is faster per event but needs more memory</source>
        <translation>Sekwencje trenowane równolegle; większa wartość jest szybsza na zdarzenie, ale wymaga więcej pamięci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch size</source>
        <translation>Rozmiar pa&amp;rtii</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>Automatycznie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found: %1</source>
        <translation>Znaleziono: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;vice</source>
        <translation>&amp;Urządzenie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model file; its checkpoint is written beside it (.ckpt)</source>
        <translation>Plik modelu; jego punkt kontrolny jest zapisywany obok (.ckpt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose where the trained model is saved</source>
        <translation>Wybierz, gdzie zapisać wytrenowany model</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the Trained Model As</source>
        <translation>Zapisz wytrenowany model jako</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Models (*.pt)</source>
        <translation>Modele (*.pt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save as</source>
        <translation>Zapisz &amp;jako</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pauza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a new model with these settings</source>
        <translation>Wytrenuj nowy model z tymi ustawieniami</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause after the current batch (a checkpoint is saved)</source>
        <translation>Wstrzymaj po bieżącej partii (zapisuje się punkt kontrolny)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the paused run exactly where it stopped</source>
        <translation>Kontynuuj wstrzymany trening dokładnie tam, gdzie się zatrzymał</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop; the best model so far is kept</source>
        <translation>Zatrzymaj; najlepszy dotąd model zostaje zachowany</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not started</source>
        <translation>Nie rozpoczęto</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+109"/>
        <source>Use in Compose</source>
        <translation>Użyj w Komponowaniu</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>&lt;b&gt;Result&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wynik&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>default: semitone-band input, a small CNN, Adam (the shipped model&apos;s settings); paper: MFCC input and Adadelta, as in the seed paper</source>
        <translation>default: wejście w pasmach półtonowych, mała sieć CNN, Adam (ustawienia dostarczonego modelu); paper: wejście MFCC i Adadelta, jak w artykule źródłowym</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder with chopin/ and other/ subfolders</source>
        <translation>Folder z podfolderami chopin/ i other/</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loss (nats per event) by epoch</source>
        <translation>Strata (naty na zdarzenie) według epok</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss (nats per clip), accuracy and ROC AUC by epoch</source>
        <translation>Strata (naty na fragment), dokładność i ROC AUC według epok</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>For comparison, the shipped default classifier at its kept epoch: validation %1.</source>
        <translation>Dla porównania dostarczony klasyfikator domyślny w zachowanej epoce: walidacja – %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>For comparison, the shipped default model: validation loss %1 nats/event (%2 bits) on its own held-out Chopin pieces.</source>
        <translation>Dla porównania dostarczony model domyślny: strata walidacyjna %1 natów/zdarzenie (%2 bitów) na jego własnych odłożonych utworach Chopina.</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>Resuming</source>
        <translation>Wznawianie</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>A folder with chopin/ and other/ subfolders (or one folder per composer, Chopin/ among them) of audio or MIDI files</source>
        <translation>Folder z podfolderami chopin/ i other/ (lub jeden folder na kompozytora, w tym Chopin/) z plikami audio lub MIDI</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1 LSTM layers of %2 units, %3, dropout %4</source>
        <translation>Warstwy LSTM: %1 po %2 jednostek, %3, dropout %4</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n dense layer(s)</source>
        <translation>
            <numerusform>%n warstwa gęsta</numerusform>
            <numerusform>%n warstwy gęste</numerusform>
            <numerusform>%n warstw gęstych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the shipped composer, continued</source>
        <translation>dostarczony kompozytor, kontynuowany</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No shipped composer was found</source>
        <translation>Nie znaleziono dostarczonego kompozytora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from the shipped composer and go on learning from your pieces: a few are enough</source>
        <translation>Zacznij od dostarczonego kompozytora i ucz go dalej na swoich utworach: wystarczy kilka</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>default: chosen for quality and real-time generation; paper-benchmark and paper-optimized: the seed paper&apos;s two designs; the shipped composer, continued: its network goes on learning from your pieces</source>
        <translation>default: dobrany pod jakość i generowanie w czasie rzeczywistym; paper-benchmark i paper-optimized: dwa projekty z artykułu źródłowego; dostarczony kompozytor, kontynuowany: jego sieć uczy się dalej na twoich utworach</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Use in Classify</source>
        <translation>Użyj w Klasyfikacji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the model just trained the one Compose writes with</source>
        <translation>Niech Komponowanie pisze właśnie wytrenowanym modelem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the model just trained the one Classify listens with</source>
        <translation>Niech Klasyfikacja słucha właśnie wytrenowanym modelem</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No shipped model to compare with.</source>
        <translation>Brak dostarczonego modelu do porównania.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+27"/>
        <source>Shipped model: %1</source>
        <translation>Dostarczony model: %1</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>piece ROC AUC %1</source>
        <translation>ROC AUC utworów %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>piece accuracy %1</source>
        <translation>dokładność utworów %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clip accuracy %1</source>
        <translation>dokładność fragmentów %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shipped default classifier: no validation metrics recorded.</source>
        <translation>Dostarczony domyślny klasyfikator: nie zapisano metryk walidacji.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shipped default model: no validation loss recorded.</source>
        <translation>Dostarczony model domyślny: nie zapisano straty walidacyjnej.</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Choose a folder of music to train on.</source>
        <translation>Wybierz folder z muzyką do treningu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder %1 does not exist; choose a folder of music to train on.</source>
        <translation>Folder danych %1 nie istnieje; wybierz folder z muzyką do treningu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a file, not a folder; choose the folder of music that holds it.</source>
        <translation>%1 to plik, nie folder; wybierz folder z muzyką, który go zawiera.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose where to save the model.</source>
        <translation>Wybierz, gdzie zapisać model.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting</source>
        <translation>Uruchamianie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training the %1 (%2) on %3 (%4, %5)</source>
        <translation>Trening: %1 (%2) na %3 (%4, %5)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Resuming from the checkpoint</source>
        <translation>Wznawianie od punktu kontrolnego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resuming at %p% of the run</source>
        <translation>Wznawianie przy %p% przebiegu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped while paused. The best model so far is in %1.</source>
        <translation>Zatrzymano podczas pauzy. Najlepszy dotąd model jest w %1.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Resuming the interrupted run %1</source>
        <translation>Wznawianie przerwanego treningu %1</translation>
    </message>
</context>
<context>
    <name>aichopin::TrainingWorker</name>
    <message>
        <location filename="../../ui/training/TrainingWorker.cpp" line="+28"/>
        <source>the CUDA GPU</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>events/s</source>
        <translation>zdarzeń/s</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Trained %1 on %2 (%3 held out for validation) in %4 on %5; best validation loss %6 nats/event (%7 bits) at epoch %8; stopped by %9. Saved to %10.</source>
        <translation>Wytrenowano w %4 na %5: %1, %2 (do walidacji odłożono: %3); najlepsza strata walidacyjna %6 natów/zdarzenie (%7 bitów) w epoce %8; zatrzymano przez: %9. Zapisano do %10.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+106"/>
        <location line="+8"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n epoka</numerusform>
            <numerusform>%n epoki</numerusform>
            <numerusform>%n epok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-114"/>
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n utwór</numerusform>
            <numerusform>%n utwory</numerusform>
            <numerusform>%n utworów</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Before this training, the model it started from scored %1 nats/event on the same pieces.</source>
        <translation>Przed tym treningiem model, od którego zaczęto, uzyskał %1 natów/zdarzenie na tych samych utworach.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown classifier preset &apos;%1&apos;</source>
        <translation>Nieznany wariant klasyfikatora &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown classifier input &apos;%1&apos;</source>
        <translation>Nieznane wejście klasyfikatora „%1”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preparing clips: %1</source>
        <translation>Przygotowywanie fragmentów: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>epochs/min</source>
        <translation>epok/min</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> The Chopin decision was set from the validation pieces heard as they are, in a room and in a hall (piece accuracy %1 over those %2).</source>
        <translation> Próg decyzji „Chopin” ustalono na utworach walidacyjnych słyszanych bez zmian, w pokoju i w sali (dokładność utworów %1 na tych %2).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source> %n unreadable file(s) were skipped.</source>
        <translation>
            <numerusform> Pominięto %n nieczytelny plik.</numerusform>
            <numerusform> Pominięto %n nieczytelne pliki.</numerusform>
            <numerusform> Pominięto %n nieczytelnych plików.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trained %1 on %2 in %3 on %4; best epoch %5, by training loss: no piece was held out for validation (a composer needs 3 or more pieces for one to be), so nothing measures how well this model does on music it has not heard.%6 Saved to %7.</source>
        <translation>Wytrenowano w %3 na %4: %1, %2; najlepsza epoka %5, według straty treningowej: żaden utwór nie został odłożony do walidacji (kompozytor potrzebuje co najmniej 3 utworów, by jeden odłożyć), więc nic nie mierzy, jak ten model radzi sobie z muzyką, której nie słyszał.%6 Zapisano do %7.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+8"/>
        <location line="+1"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n fragment</numerusform>
            <numerusform>%n fragmenty</numerusform>
            <numerusform>%n fragmentów</numerusform>
        </translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Trained %1 on %2 (%3 for validation) in %4 on %5; best epoch %6. Validation%13: piece accuracy %7, clip accuracy %8, ROC AUC %9.%10%11 Saved to %12.</source>
        <translation>Wytrenowano w %4 na %5: %1, %2 (do walidacji: %3); najlepsza epoka %6. Walidacja%13: dokładność utworów %7, dokładność fragmentów %8, ROC AUC %9.%10%11 Zapisano do %12.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> at even odds</source>
        <translation> przy równych szansach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> at the calibrated decision</source>
        <translation> przy skalibrowanym progu</translation>
    </message>
</context>
<context>
    <name>aichopin::TransportBar</name>
    <message>
        <location filename="../../ui/compose/TransportBar.cpp" line="+29"/>
        <location line="+50"/>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Play or pause (Space)</source>
        <translation>Odtwórz lub wstrzymaj (Spacja)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop Playback</source>
        <translation>Zatrzymaj odtwarzanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop playing and go back to the start</source>
        <translation>Zatrzymaj odtwarzanie i wróć na początek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loop</source>
        <translation>Pętla</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Playback speed</source>
        <translation>Szybkość odtwarzania</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+21"/>
        <source>Volume</source>
        <translation>Głośność</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Where the music goes: the built-in synthesizer or a MIDI device</source>
        <translation>Dokąd trafia muzyka: wbudowany syntezator lub urządzenie MIDI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FluidSynth (built in)</source>
        <translation>FluidSynth (wbudowany)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MIDI: %1</source>
        <translation>MIDI: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No MIDI outputs: %1</source>
        <translation>Brak wyjść MIDI: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Speed</source>
        <translation>Szybkość</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pause</source>
        <translation>Pauza</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1, bar %2</source>
        <translation>%1, takt %2</translation>
    </message>
</context>
<context>
    <name>aichopin::VelocityLane</name>
    <message>
        <location filename="../../ui/pianoroll/VelocityLane.cpp" line="+29"/>
        <source>How loud each note is; drag across it to draw the velocities (the selection&apos;s notes only, when there is one)</source>
        <translation>Głośność każdej nuty; przeciągnij po pasku, by ją narysować (tylko nutom zaznaczenia, jeśli jest)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>velo-
city</source>
        <translation>głoś-
ność</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>%1 at %2: velocity %3</source>
        <translation>%1 w %2: głośność %3</translation>
    </message>
</context>
</TS>
