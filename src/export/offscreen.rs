//! Offscreen rendering of an egui frame into an RGBA image with wgpu: the window's export uses
//! the device eframe already opened; the command line opens a headless one (on a machine without
//! a GPU, Mesa's lavapipe serves). Nothing is ever read back from the screen.

use std::iter::once;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui_wgpu::{self, ScreenDescriptor, wgpu};

use super::ExportError;

/// How long to wait for the GPU (or the software rasterizer) to finish one image.
const WAIT_TIMEOUT: Duration = Duration::from_secs(60);

/// Pixel format of the offscreen target: 8-bit RGBA in gamma space, as egui-wgpu prefers and
/// as PNG stores it.
const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

/// A wgpu device with an egui renderer of its own, drawing into textures.
pub struct Offscreen {
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
    /// The adapter's name and backend, for messages ("llvmpipe (Vulkan)").
    pub adapter: String,
}

impl std::fmt::Debug for Offscreen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Offscreen")
            .field("adapter", &self.adapter)
            .finish()
    }
}

fn renderer_options() -> egui_wgpu::RendererOptions {
    egui_wgpu::RendererOptions {
        // No dithering noise: the same figure gives the same pixels.
        dithering: false,
        ..egui_wgpu::RendererOptions::PREDICTABLE
    }
}

impl Offscreen {
    /// Uses the window's device and queue (from `eframe::Frame::wgpu_render_state`), with a
    /// renderer of its own so the window's textures are not disturbed.
    pub fn from_render_state(rs: &egui_wgpu::RenderState) -> Self {
        let info = rs.adapter.get_info();
        Self {
            device: rs.device.clone(),
            queue: rs.queue.clone(),
            renderer: egui_wgpu::Renderer::new(&rs.device, FORMAT, renderer_options()),
            adapter: format!("{} ({:?})", info.name, info.backend),
        }
    }

    /// Opens a headless device: a GPU if there is one, else a software rasterizer (lavapipe).
    pub fn headless() -> Result<Self, ExportError> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup
            .instance_descriptor
            .backends
            .remove(wgpu::Backends::BROWSER_WEBGPU);
        setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
            let mut adapters: Vec<&wgpu::Adapter> = adapters.iter().collect();
            // A real GPU first, then a CPU rasterizer; Vulkan before GL.
            adapters.sort_by_key(|a| {
                let info = a.get_info();
                let device = match info.device_type {
                    wgpu::DeviceType::DiscreteGpu => 0,
                    wgpu::DeviceType::IntegratedGpu => 1,
                    wgpu::DeviceType::VirtualGpu | wgpu::DeviceType::Other => 2,
                    wgpu::DeviceType::Cpu => 3,
                };
                let backend = match info.backend {
                    wgpu::Backend::Vulkan | wgpu::Backend::Metal | wgpu::Backend::Dx12 => 0,
                    wgpu::Backend::Gl => 1,
                    wgpu::Backend::BrowserWebGpu | wgpu::Backend::Noop => 2,
                };
                (device, backend)
            });
            adapters
                .into_iter()
                .find(|a| a.get_info().backend != wgpu::Backend::Noop)
                .cloned()
                .ok_or_else(|| "no graphics adapter found".to_owned())
        }));
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let rs = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            renderer_options(),
        ))
        .map_err(|e| ExportError::NoRenderer(e.to_string()))?;
        Ok(Self::from_render_state(&rs))
    }

    /// The largest texture side the device takes, in pixels.
    pub fn max_texture_side(&self) -> usize {
        self.device.limits().max_texture_dimension_2d as usize
    }

    /// Renders one egui frame (`output` of `ctx`, whose screen is `size_px` pixels at
    /// `pixels_per_point`) onto a `background` and reads the pixels back.
    pub fn render(
        &mut self,
        ctx: &egui::Context,
        mut output: egui::FullOutput,
        size_px: [u32; 2],
        background: egui::Color32,
    ) -> Result<egui::ColorImage, ExportError> {
        // Texture updates are applied before anything can fail (egui insists they are handled).
        let set = std::mem::take(&mut output.textures_delta.set);
        let free = std::mem::take(&mut output.textures_delta.free);
        #[expect(clippy::iter_over_hash_type)] // each texture's deltas stay in order
        for (id, deltas) in set {
            for delta in deltas {
                self.renderer
                    .update_texture(&self.device, &self.queue, id, &delta);
            }
        }
        let result = self.draw(ctx, output, size_px, background);
        for id in &free {
            self.renderer.free_texture(id);
        }
        result
    }

    fn draw(
        &mut self,
        ctx: &egui::Context,
        output: egui::FullOutput,
        size_px: [u32; 2],
        background: egui::Color32,
    ) -> Result<egui::ColorImage, ExportError> {
        let max = self.device.limits().max_texture_dimension_2d;
        if size_px[0] == 0 || size_px[1] == 0 || size_px[0] > max || size_px[1] > max {
            return Err(ExportError::BadSize(format!(
                "{}x{} pixels: each side must be between 1 and {max} on this renderer",
                size_px[0], size_px[1]
            )));
        }
        let ppp = output.pixels_per_point;
        let primitives = ctx.tessellate(output.shapes, ppp);
        let screen = ScreenDescriptor {
            size_in_pixels: size_px,
            pixels_per_point: ppp,
        };
        let mut encoder = self
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("export encoder"),
            });
        let user = self.renderer.update_buffers(
            &self.device,
            &self.queue,
            &mut encoder,
            &primitives,
            &screen,
        );
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export target"),
            size: wgpu::Extent3d {
                width: size_px[0],
                height: size_px[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let [r, g, b, a] = background.to_normalized_gamma_f32();
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color {
                                r: r as f64,
                                g: g as f64,
                                b: b as f64,
                                a: a as f64,
                            }),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, &primitives, &screen);
        }
        // Read back: rows padded to 256 bytes in the staging buffer.
        let (w, h) = (size_px[0] as usize, size_px[1] as usize);
        let unpadded = w * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded = unpadded.div_ceil(align) * align;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export readback"),
            size: (padded * h) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width: size_px[0],
                height: size_px[1],
                depth_or_array_layers: 1,
            },
        );
        let index = self
            .queue
            .submit(user.into_iter().chain(once(encoder.finish())));
        let (tx, rx) = std::sync::mpsc::channel();
        buffer
            .slice(..)
            .map_async(wgpu::MapMode::Read, move |r| drop(tx.send(r)));
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(index),
                timeout: Some(WAIT_TIMEOUT),
            })
            .map_err(|e| ExportError::Render(format!("the renderer did not finish: {e}")))?;
        rx.recv()
            .map_err(|e| ExportError::Render(e.to_string()))?
            .map_err(|e| ExportError::Render(format!("could not read the image back: {e}")))?;
        let mut rgba = Vec::with_capacity(unpadded * h);
        {
            let data = buffer
                .slice(..)
                .get_mapped_range()
                .map_err(|e| ExportError::Render(format!("could not read the image back: {e}")))?;
            for row in data.chunks_exact(padded) {
                rgba.extend_from_slice(&row[..unpadded]);
            }
        }
        buffer.unmap();
        Ok(egui::ColorImage::from_rgba_premultiplied([w, h], &rgba))
    }
}
