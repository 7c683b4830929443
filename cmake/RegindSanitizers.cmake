# SPDX-License-Identifier: MIT
# REGIND_SANITIZE=ON builds every target of this build tree (the doctest suite, the Python
# extension) with AddressSanitizer and UndefinedBehaviorSanitizer. Meant for a build directory
# of its own (build/asan, see scripts/run-sanitized.sh), never for the one that is installed.
option(REGIND_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer (GCC or Clang)" OFF)

if(REGIND_SANITIZE)
  if(MSVC)
    message(FATAL_ERROR "REGIND_SANITIZE needs GCC or Clang")
  endif()
  # Undefined behaviour aborts instead of printing and going on, so a test cannot pass over it.
  # -O1 keeps the instrumented code fast enough for the whole suite; -g1 gives file:line in
  # reports at a fraction of the compile time of full debug information.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer -O1 -g1)
  add_link_options(-fsanitize=address,undefined)
endif()
