// Host emulation of a CUDA launch: runs every thread of every block in order on the calling thread, with
// the coordinates the kernel reads through ep_thread_x() and friends. Exact for kernels that do not need
// threads of a block to run together (no barriers, shared memory or warp operations), which is how the
// EdgePose kernels are written.
#pragma once

#include <cstdint>

struct ep_grid
{
    std::uint32_t thread_x = 0, thread_y = 0;
    std::uint32_t block_x = 0, block_y = 0, block_z = 0;
    std::uint32_t block_dim_x = 1, block_dim_y = 1;
    std::uint32_t grid_dim_x = 1;

    static ep_grid& current()
    {
        static thread_local ep_grid g;
        return g;
    }

    // Calls kernel() once per thread of a grid_x × grid_y grid of block_x × block_y blocks.
    template <class Kernel>
    static void launch(std::uint32_t grid_x, std::uint32_t grid_y, std::uint32_t block_dim_x_, std::uint32_t block_dim_y_, Kernel kernel)
    {
        launch(grid_x, grid_y, 1, block_dim_x_, block_dim_y_, kernel);
    }

    // The same with grid_z layers of blocks.
    template <class Kernel>
    static void launch(std::uint32_t grid_x, std::uint32_t grid_y, std::uint32_t grid_z, std::uint32_t block_dim_x_, std::uint32_t block_dim_y_, Kernel kernel)
    {
        ep_grid& g = current();
        g.block_dim_x = block_dim_x_;
        g.block_dim_y = block_dim_y_;
        g.grid_dim_x = grid_x;
        for (std::uint32_t bz = 0; bz < grid_z; bz++)
            for (std::uint32_t by = 0; by < grid_y; by++)
                for (std::uint32_t bx = 0; bx < grid_x; bx++)
                    for (std::uint32_t ty = 0; ty < block_dim_y_; ty++)
                        for (std::uint32_t tx = 0; tx < block_dim_x_; tx++)
                        {
                            g.block_x = bx;
                            g.block_y = by;
                            g.block_z = bz;
                            g.thread_x = tx;
                            g.thread_y = ty;
                            kernel();
                        }
    }
};
