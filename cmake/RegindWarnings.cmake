# SPDX-License-Identifier: MIT
# regind_set_warnings(target): warnings for regind's own targets only, never global.
function(regind_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${REGIND_WERROR}>:/WX>)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             $<$<BOOL:${REGIND_WERROR}>:-Werror>)
  endif()
endfunction()
