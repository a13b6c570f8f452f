// std::ios_base_library_init(): GCC 13's libstdc++ exports it (GLIBCXX_3.4.32) so that a library built
// with GCC 13 initialises the standard streams once. GCC 12's libstdc++ has no such function, and
// libLibTorchSharp.so (TorchSharp 0.107) needs it. This library provides it by constructing
// std::ios_base::Init, which is what the GCC 13 function does. Loaded before libLibTorchSharp.so
// (scripts/patch-torchsharp.sh adds it to that library's needed list).
#include <ios>

namespace std {
__attribute__((visibility("default"))) void ios_base_library_init();

void ios_base_library_init() {
  static const std::ios_base::Init init;
  (void)init;
}
}  // namespace std
