# Every tr() string of the UI has a translation in every resources/translations/aichopin_*.ts, and
# every string with a count (%n) has its English plural forms in plurals_en.ts: lupdate is run on
# a copy of each file (with -pluralonly for plurals_en.ts), and a string it adds
# (type="unfinished") fails the test by name.
# Run by ctest (test TranslationsCoverUi) with -DLUPDATE=... -DUI_DIR=... -DTS_DIR=... -DWORK=...
file(GLOB ts_files "${TS_DIR}/aichopin_*.ts")
if(NOT ts_files)
  message(FATAL_ERROR "no translations in ${TS_DIR}")
endif()
if(NOT EXISTS "${TS_DIR}/plurals_en.ts")
  message(FATAL_ERROR "no English plural forms: ${TS_DIR}/plurals_en.ts")
endif()
list(APPEND ts_files "${TS_DIR}/plurals_en.ts")
file(MAKE_DIRECTORY "${WORK}")
set(missing "")
foreach(ts IN LISTS ts_files)
  get_filename_component(name "${ts}" NAME)
  set(only "")
  if(name STREQUAL "plurals_en.ts")
    set(only -pluralonly)
  endif()
  configure_file("${ts}" "${WORK}/${name}" COPYONLY)
  execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete ${only} -extensions cpp,h -recursive "${UI_DIR}" -ts "${WORK}/${name}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name}: ${err}")
  endif()
  file(READ "${WORK}/${name}" text)
  string(REPLACE ";" "," text "${text}")  # a semicolon would split the list of matches
  # Each message whose translation is unfinished, by its source text.
  string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*(<comment>[^<]*</comment>[ \n]*)?<translation type=\"unfinished\"" found "${text}")
  foreach(m IN LISTS found)
    string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" source "${m}")
    string(APPEND missing "\n  ${name}: ${source}")
  endforeach()
endforeach()
if(missing)
  message(FATAL_ERROR "UI strings without a translation (cmake --build <dir> --target update_translations, then translate them; in plurals_en.ts write the English for one and for more):${missing}")
endif()
