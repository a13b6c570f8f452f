// The little of CUDA the kernels use, for both ways this source is compiled:
//  - device: clang -x cuda --cuda-device-only -nocudainc -nocudalib (no CUDA headers): the attributes and
//    the PTX special registers through clang's NVVM builtins;
//  - host: a plain C++ compiler, where kernels are ordinary functions and ep_grid.h runs the grid as loops.
// Kernels read their coordinates through ep_thread_x() etc. and count with ep_atomic_add(); they use no
// shared memory, no barriers and no warp-level operations, so the host emulation gives the same results.
#pragma once

#if defined(__CUDA__) && defined(__CUDA_ARCH__)

#define EP_GLOBAL extern "C" __attribute__((global))
#define EP_DEVICE static __attribute__((device)) inline

typedef unsigned long long ep_u64;
typedef unsigned int ep_u32;
typedef unsigned short ep_u16;
typedef unsigned char ep_u8;

EP_DEVICE ep_u32 ep_thread_x() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_tid_x()); }
EP_DEVICE ep_u32 ep_thread_y() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_tid_y()); }
EP_DEVICE ep_u32 ep_block_x() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_ctaid_x()); }
EP_DEVICE ep_u32 ep_block_y() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_ctaid_y()); }
EP_DEVICE ep_u32 ep_block_z() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_ctaid_z()); }
EP_DEVICE ep_u32 ep_block_dim_x() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_ntid_x()); }
EP_DEVICE ep_u32 ep_block_dim_y() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_ntid_y()); }
EP_DEVICE ep_u32 ep_grid_dim_x() { return static_cast<ep_u32>(__nvvm_read_ptx_sreg_nctaid_x()); }
EP_DEVICE int ep_atomic_add(int* p, int v) { return __nvvm_atom_add_gen_i(p, v); }
#define EP_RESTRICT __restrict__
#define EP_PRAGMA(x) _Pragma(#x)
#define EP_UNROLL(n) EP_PRAGMA(unroll n)
#define EP_DEVICE_DATA __attribute__((device))

#else

#include <cstdint>
#include "ep_grid.h"

#define EP_GLOBAL extern "C"
#define EP_DEVICE static inline

typedef std::uint64_t ep_u64;
typedef std::uint32_t ep_u32;
typedef std::uint16_t ep_u16;
typedef std::uint8_t ep_u8;

EP_DEVICE ep_u32 ep_thread_x() { return ep_grid::current().thread_x; }
EP_DEVICE ep_u32 ep_thread_y() { return ep_grid::current().thread_y; }
EP_DEVICE ep_u32 ep_block_x() { return ep_grid::current().block_x; }
EP_DEVICE ep_u32 ep_block_y() { return ep_grid::current().block_y; }
EP_DEVICE ep_u32 ep_block_z() { return ep_grid::current().block_z; }
EP_DEVICE ep_u32 ep_block_dim_x() { return ep_grid::current().block_dim_x; }
EP_DEVICE ep_u32 ep_block_dim_y() { return ep_grid::current().block_dim_y; }
EP_DEVICE ep_u32 ep_grid_dim_x() { return ep_grid::current().grid_dim_x; }
EP_DEVICE int ep_atomic_add(int* p, int v) { return __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }
#define EP_RESTRICT __restrict__
#define EP_UNROLL(n)
#define EP_DEVICE_DATA static

#endif

// Inlined into every kernel that calls it (kernels sharing a body would otherwise call it, passing structs through local memory).
#define EP_ALWAYS_INLINE __attribute__((always_inline))

// Bits of a float and back, the same on both sides (clang and GCC know the builtin).
EP_DEVICE ep_u32 ep_float_bits(float f) { return __builtin_bit_cast(ep_u32, f); }
EP_DEVICE float ep_bits_float(ep_u32 u) { return __builtin_bit_cast(float, u); }
EP_DEVICE int ep_float_int(float f) { return __builtin_bit_cast(int, f); }

// .NET's MathF.Max / MathF.Min for the values these kernels see (NaN propagates).
EP_DEVICE float ep_max(float a, float b) { return a != a ? a : (b != b ? b : (a > b ? a : b)); }
EP_DEVICE float ep_min(float a, float b) { return a != a ? a : (b != b ? b : (a < b ? a : b)); }

// Global index helpers.
EP_DEVICE ep_u32 ep_global_x() { return ep_block_x() * ep_block_dim_x() + ep_thread_x(); }
EP_DEVICE ep_u32 ep_global_y() { return ep_block_y() * ep_block_dim_y() + ep_thread_y(); }
