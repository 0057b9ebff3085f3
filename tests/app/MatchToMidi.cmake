# ctest -R MatchToMidi: tests/tools/match_to_midi.py turns two match files (both layouts) into MIDI
# files that aichopin-cli reads back with the notes, pitches, pedal and length the files describe.
# Run as: cmake -DPYTHON=... -DTOOL=... -DCLI=... -DDATA=... -DOUT=... -P MatchToMidi.cmake
file(MAKE_DIRECTORY "${OUT}")

function(check match notes lowest highest pedal seconds)
  set(mid "${OUT}/${match}.mid")
  file(REMOVE "${mid}")
  execute_process(COMMAND "${PYTHON}" "${TOOL}" "${DATA}/${match}.match" "${mid}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE said ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${match}: match_to_midi.py failed (${rc}): ${err}")
  endif()
  execute_process(COMMAND "${CLI}" info --json "${mid}" RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${match}: aichopin-cli info failed (${rc}): ${err}")
  endif()
  foreach(pair "notes;${notes}" "lowest_pitch;${lowest}" "highest_pitch;${highest}" "pedal_events;${pedal}")
    list(GET pair 0 key)
    list(GET pair 1 want)
    string(JSON got GET "${json}" 0 ${key})
    if(NOT got EQUAL want)
      message(FATAL_ERROR "${match}: ${key} is ${got}, expected ${want}\n${json}")
    endif()
  endforeach()
  string(JSON duration GET "${json}" 0 duration)
  if(duration MATCHES "^([0-9]+)\\.([0-9]*)$")
    string(SUBSTRING "${CMAKE_MATCH_2}000" 0 3 frac)
    set(got_ms "${CMAKE_MATCH_1}${frac}")
  else()
    set(got_ms "${duration}000")
  endif()
  math(EXPR want_ms "${seconds}")
  math(EXPR diff "${got_ms} - ${want_ms}")
  if(diff GREATER 5 OR diff LESS -5)
    message(FATAL_ERROR "${match}: lasts ${duration} s, expected ${seconds} ms")
  endif()
  message(STATUS "${match}: ${said}")
endfunction()

# Version 1.0.0: two played notes, a deletion left out, an added note kept; 960 ticks a second;
# the sustain pedal down at 0.10 s and up at 0.73 s, then up again at the end (3 controller-64 events).
check(version1 3 60 73 3 1250)
# Version 4.0, pitches spelled: B3 (59) and C#5 (73), no clock rate given (8000 ticks a second).
check(version4 2 59 73 1 2000)
