/* Pins the C ABI's struct layouts; the managed mirror (src/EdgePose.Native/TensorRt) tests the same
 * numbers. Compiled on every machine, with or without TensorRT, as C11. */
#include "edgepose_trt.h"

#include <stddef.h>

#define EPT_PIN(type, size) _Static_assert(sizeof(type) == (size), #type " changed size: update the managed mirror")
#define EPT_AT(type, field, offset) \
    _Static_assert(offsetof(type, field) == (offset), #type "." #field " moved: update the managed mirror")

EPT_PIN(ept_version_info, 40);
EPT_AT(ept_version_info, parser_version, 32);
EPT_PIN(ept_gpu_info, 288);
EPT_AT(ept_gpu_info, compute_major, 256);
EPT_AT(ept_gpu_info, total_memory, 272);
EPT_AT(ept_gpu_info, dla_cores, 284);
EPT_PIN(ept_input_profile, 208);
EPT_AT(ept_input_profile, min, 16);
EPT_AT(ept_input_profile, max, 144);
EPT_PIN(ept_tensor_desc, 80);
EPT_AT(ept_tensor_desc, dims, 16);
EPT_PIN(ept_calibrator, 24);
EPT_PIN(ept_build_options, 72);
EPT_AT(ept_build_options, workspace_bytes, 8);
EPT_AT(ept_build_options, input_profiles, 32);
EPT_AT(ept_build_options, calibrator, 48);
EPT_AT(ept_build_options, progress_user, 64);
EPT_PIN(ept_tensor_info, 608);
EPT_AT(ept_tensor_info, dims, 256);
EPT_AT(ept_tensor_info, rank, 320);
EPT_AT(ept_tensor_info, bytes_per_component, 344);
EPT_AT(ept_tensor_info, format_description, 348);

/* A translation unit must declare something besides assertions. */
int ept_abi_layout_checked(void);
int ept_abi_layout_checked(void) { return EPT_ABI_VERSION; }
