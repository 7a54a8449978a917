# Sanitizer and fuzzing builds (docs/reliability.md). Both are off in the normal build.
#
# SHEBAO_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer for every target (libraries,
#                     programs, tests); undefined behaviour aborts (-fno-sanitize-recover) so a
#                     test cannot pass over it. CMakePresets.json: "asan".
# SHEBAO_FUZZ=ON      clang only: every object also carries libFuzzer's coverage instrumentation
#                     and fuzz/ adds the libFuzzer targets and their ctest smoke runs (label
#                     "fuzz"). Implies SHEBAO_SANITIZE. CMakePresets.json: "fuzz".
option(SHEBAO_SANITIZE "Build everything with ASan + UBSan" OFF)
option(SHEBAO_FUZZ "Build the libFuzzer targets in fuzz/ (clang; implies SHEBAO_SANITIZE)" OFF)

if(SHEBAO_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "SHEBAO_FUZZ needs clang (libFuzzer): use the \"fuzz\" preset")
    endif()
    set(SHEBAO_SANITIZE ON CACHE BOOL "Build everything with ASan + UBSan" FORCE)
endif()

if(SHEBAO_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "^(Clang|GNU)$")
        message(FATAL_ERROR "SHEBAO_SANITIZE needs clang or g++")
    endif()
    set(shebao_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined)
    add_compile_options(${shebao_sanitizers} -fno-omit-frame-pointer)
    add_link_options(${shebao_sanitizers})
    if(SHEBAO_FUZZ)
        add_compile_options(-fsanitize=fuzzer-no-link)
    endif()

    # What the tests (and the programs they start) run with: leaks are errors except those in
    # Qt's and the system's own libraries (tests/lsan.supp), reports name file and line. Tests
    # whose processes speak TLS through Qt (every label but "core") use tests/lsan-tls.supp,
    # which also leaves out OpenSSL's own allocations: docs/reliability.md says why.
    set(SHEBAO_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
    set(SHEBAO_SANITIZER_TLS_LSAN
        "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan-tls.supp:print_suppressions=0")
    find_program(SHEBAO_LLVM_SYMBOLIZER NAMES llvm-symbolizer llvm-symbolizer-14
                 HINTS /usr/lib/llvm-14/bin)
    if(SHEBAO_LLVM_SYMBOLIZER)
        list(APPEND SHEBAO_SANITIZER_ENVIRONMENT "ASAN_SYMBOLIZER_PATH=${SHEBAO_LLVM_SYMBOLIZER}")
    endif()
endif()
