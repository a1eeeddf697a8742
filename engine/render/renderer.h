#pragma once
// Draws a scene::RenderScene into a RenderTarget: two frames in flight, multisampled colour and depth,
// a background gradient, lit meshes, and translucent meshes through weighted blended
// order-independent transparency. Reads nothing but the render scene.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include "render/context.h"
#include "render/resources.h"
#include "render/screen_bounds.h"
#include "render/target.h"
#include "scene/render_scene.h"

namespace fascia::render {

inline constexpr uint32_t kFramesInFlight = 2;

enum class FrameStatus { Ok, OutOfDate };

class Renderer {
 public:
  // `samples`: multisampling, capped at what the device offers (4x is the default for quality; the
  // window on a software rasteriser asks for 1x to stay interactive, since lavapipe pays ~2.7x for 4x).
  // `post_filter`: without multisampling, the scene is drawn into an image of its own and smoothed
  // into the target by a cheap edge filter (shaders/fxaa.frag) before the overlay.
  // `render_scale` (with the post filter only): the scene is drawn at this fraction of the target's
  // width and height, filtered there and stretched over the target (shaders/upscale.frag); the
  // overlay and picking stay at full size. The fragment work falls with the square of the scale.
  Renderer(Context& ctx, VkFormat target_format, VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT,
           bool post_filter = false, float render_scale = 1.0f);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Records commands drawn over the finished scene (the UI), with the target image as a colour
  // attachment in COLOR_ATTACHMENT_OPTIMAL layout, which it must leave it in.
  using Overlay = std::function<void(VkCommandBuffer, const TargetImage&, VkExtent2D)>;

  // Records, submits and presents one frame. OutOfDate: recreate the target and draw again.
  FrameStatus draw(const scene::RenderScene& scene, RenderTarget& target, const Overlay& overlay = {});

  // Waits for every frame in flight (before reading back or destroying a target).
  void wait_idle();
  // Waits for the oldest frame still in flight: with two in flight, the one drawn before the last,
  // so a headless capture reads frame n while frame n+1 renders.
  void wait_oldest();

  VkSampleCountFlagBits samples() const { return samples_; }
  bool post_filter() const { return post_filter_; }
  float render_scale() const { return render_scale_; }
  // The size the scene passes draw at for a target of `target` (the target itself at scale 1).
  VkExtent2D scene_extent(VkExtent2D target) const;

  // Asks which instance covers pixel (x, y) of the next frame: its pick id (0 = none) arrives
  // through take_pick() once that frame has finished on the GPU. Translucent instances below half
  // opacity are looked through, as the user sees through them.
  void request_pick(int x, int y);
  std::optional<uint32_t> take_pick();

 private:
  struct Frame {
    VkCommandPool pool = VK_NULL_HANDLE;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VkFence done = VK_NULL_HANDLE;
    VkSemaphore acquired = VK_NULL_HANDLE;
    Buffer uniforms;
    Buffer palettes;  // skinning matrices of every skinned instance this frame
    Buffer draws;     // gpu::DrawData of every instance this frame, in scene order
    VkDescriptorSet descriptors = VK_NULL_HANDLE;
    VkDescriptorSet composite_descriptors = VK_NULL_HANDLE;  // the translucency sums
    VkDescriptorSet filter_descriptors = VK_NULL_HANDLE;     // the scene image, for the post filter
    VkDescriptorSet upscale_descriptors = VK_NULL_HANDLE;    // the filtered image, for the upscale
    Image scene;     // with the post filter: the scene as drawn, before filtering into the target
    Image filtered;  // with a render scale below 1: the filtered scene, before the upscale
    Image color;     // multisampled, resolved into the target image
    Image depth;
    // Translucency (allocated once a scene has translucent instances): the weighted sums,
    // multisampled like `color`, and resolved to one sample for the composite.
    Image accum, weight;
    Image accum_resolved, weight_resolved;  // only with multisampling
    Image pick_id;  // the id buffer (R32_UINT, one sample), drawn only when a pick is asked for
    Image pick_depth;
    Buffer pick_readback;
    bool pick_in_flight = false;
    RetireList retired;
  };
  struct GpuMesh {
    std::weak_ptr<const scene::Mesh> source;
    MeshBounds bounds;  // where its vertices can be, for the translucency passes' rectangle
    Buffer vertices;
    Buffer indices;
    Buffer skin;  // joints and weights, when skinned
    uint32_t index_count = 0;
  };

  // Each concern in a file of its own: renderer_pipelines.cpp, frame_resources.cpp, mesh_cache.cpp,
  // instances.cpp, translucency.cpp, pick_pass.cpp, post_filter.cpp.
  void create_pipelines();
  void destroy_pipelines();
  void create_frames();
  void destroy_frames();
  void destroy_meshes();
  void ensure_attachments(Frame& frame, VkExtent2D scene_extent, VkExtent2D target_extent);
  void ensure_translucency(Frame& frame, VkExtent2D extent);
  VkRect2D screen_rect(const scene::RenderScene& scene, const std::vector<uint32_t>& list, VkExtent2D extent);
  void record_translucency(Frame& frame, const scene::RenderScene& scene,
                           const std::vector<uint32_t>& translucent, const TargetImage& image,
                           VkExtent2D extent);
  void collect_pick(Frame& frame);
  void ensure_storage(Frame& frame, Buffer& buffer, uint32_t binding, size_t bytes);
  void upload_instances(Frame& frame, const scene::RenderScene& scene);
  void draw_instances(VkCommandBuffer cmd, const scene::RenderScene& scene, const std::vector<uint32_t>& list,
                      VkPipeline plain, VkPipeline skinned);
  void record_pick(Frame& frame, const scene::RenderScene& scene, VkExtent2D extent, int x, int y);
  void purge_meshes(Frame& frame);
  const GpuMesh& gpu_mesh(const std::shared_ptr<const scene::Mesh>& mesh);
  void record_post_filter(Frame& frame, const TargetImage& target_image, VkExtent2D scene_extent,
                          VkExtent2D target_extent);
  void record(Frame& frame, const scene::RenderScene& scene, RenderTarget& target, const TargetImage& image,
              const Overlay& overlay);

  Context& ctx_;
  VkFormat color_format_;
  VkFormat depth_format_ = VK_FORMAT_D32_SFLOAT;
  VkSampleCountFlagBits samples_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkDescriptorPool descriptor_pool_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkDescriptorSetLayout composite_set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout composite_layout_ = VK_NULL_HANDLE;
  VkPipeline background_ = VK_NULL_HANDLE;
  VkPipeline mesh_opaque_ = VK_NULL_HANDLE;
  VkPipeline mesh_accumulate_ = VK_NULL_HANDLE;
  VkPipeline composite_ = VK_NULL_HANDLE;
  VkPipeline filter_ = VK_NULL_HANDLE;
  bool post_filter_ = false;
  float render_scale_ = 1.0f;
  VkPipeline upscale_ = VK_NULL_HANDLE;
  VkSampler nearest_ = VK_NULL_HANDLE;
  VkSampler linear_ = VK_NULL_HANDLE;
  VkPipeline pick_ = VK_NULL_HANDLE;
  VkPipeline mesh_opaque_skinned_ = VK_NULL_HANDLE;
  VkPipeline mesh_accumulate_skinned_ = VK_NULL_HANDLE;
  VkPipeline pick_skinned_ = VK_NULL_HANDLE;
  std::unordered_map<const std::vector<mat4>*, uint32_t> palette_offsets_;  // this frame's
  std::optional<glm::ivec2> pick_request_;
  std::optional<uint32_t> pick_result_;
  std::array<Frame, kFramesInFlight> frames_;
  uint32_t frame_index_ = 0;
  std::unordered_map<const scene::Mesh*, GpuMesh> meshes_;
};

}  // namespace fascia::render
