#include "body/ortho_render.h"

#include <algorithm>
#include <cmath>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace fascia::test {

namespace {
// View-plane coordinates (u right, v up) and depth toward the viewer.
vec3 project(vec3 p, View view) {
  switch (view) {
    case View::Front:
      return {p.x, p.y, p.z};
    case View::Left:
      return {-p.z, p.y, p.x};
    case View::Back:
      return {-p.x, p.y, -p.z};
    case View::Top:
      return {p.x, -p.z, p.y};
  }
  return p;
}

vec3 colour(body::Layer layer, const std::string& name) {
  switch (layer) {
    case body::Layer::Bone:
      return {0.93f, 0.89f, 0.78f};
    case body::Layer::Muscle:
      if (name.find("fascia") != std::string::npos || name.find("tendon") != std::string::npos ||
          name.find("ligament") != std::string::npos || name.find("tract") != std::string::npos ||
          name.find("linea") != std::string::npos || name.find("galea") != std::string::npos ||
          name.find("septum") != std::string::npos || name.find("periosteum") != std::string::npos)
        return {0.85f, 0.85f, 0.92f};
      return {0.72f, 0.22f, 0.20f};
    case body::Layer::Skin:
      return {0.87f, 0.72f, 0.62f};
  }
  return vec3(1.0f);
}
}  // namespace

Image render(const std::vector<const body::BodyMesh*>& meshes,
             const std::vector<const std::vector<vec3>*>& posed, View view, int width, int height,
             vec2 centre, vec2 half) {
  Image img;
  img.width = width;
  img.height = height;
  img.rgb.assign(size_t(width) * height * 3, 40);
  img.depth.assign(size_t(width) * height, -INFINITY);
  const vec3 light = glm::normalize(vec3(0.3f, 0.5f, 1.0f));
  for (size_t m = 0; m < meshes.size(); ++m) {
    const body::BodyMesh& mesh = *meshes[m];
    const std::vector<vec3>& pos = (m < posed.size() && posed[m]) ? *posed[m] : mesh.positions;
    const vec3 base = colour(mesh.layer, mesh.name);
    for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
      vec3 p[3], s[3];
      for (int k = 0; k < 3; ++k) {
        p[k] = project(pos[mesh.indices[t + k]], view);
        s[k] = vec3((p[k].x - centre.x + half.x) / (2 * half.x) * width,
                    (centre.y + half.y - p[k].y) / (2 * half.y) * height, p[k].z);
      }
      vec3 n = glm::cross(p[1] - p[0], p[2] - p[0]);
      const float nl = glm::length(n);
      if (nl <= 0) continue;
      n /= nl;
      const float shade = 0.25f + 0.75f * std::max(0.0f, glm::dot(n, light)) * (n.z > 0 ? 1.0f : 0.4f);
      const glm::u8vec3 c(glm::clamp(base * shade * 255.0f, 0.0f, 255.0f));
      const int x0 = std::max(0, int(std::floor(std::min({s[0].x, s[1].x, s[2].x}))));
      const int x1 = std::min(width - 1, int(std::ceil(std::max({s[0].x, s[1].x, s[2].x}))));
      const int y0 = std::max(0, int(std::floor(std::min({s[0].y, s[1].y, s[2].y}))));
      const int y1 = std::min(height - 1, int(std::ceil(std::max({s[0].y, s[1].y, s[2].y}))));
      const float area = (s[1].x - s[0].x) * (s[2].y - s[0].y) - (s[2].x - s[0].x) * (s[1].y - s[0].y);
      if (std::abs(area) < 1e-12f) continue;
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
          const float px = x + 0.5f, py = y + 0.5f;
          const float w0 = ((s[1].x - px) * (s[2].y - py) - (s[2].x - px) * (s[1].y - py)) / area;
          const float w1 = ((s[2].x - px) * (s[0].y - py) - (s[0].x - px) * (s[2].y - py)) / area;
          const float w2 = 1 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const float z = w0 * s[0].z + w1 * s[1].z + w2 * s[2].z;
          float& d = img.depth[size_t(y) * width + x];
          if (z <= d) continue;
          d = z;
          uint8_t* o = &img.rgb[(size_t(y) * width + x) * 3];
          o[0] = c.x;
          o[1] = c.y;
          o[2] = c.z;
        }
    }
  }
  return img;
}

Image hstack(const std::vector<Image>& images) {
  Image out;
  for (const Image& i : images) {
    out.width += i.width;
    out.height = std::max(out.height, i.height);
  }
  out.rgb.assign(size_t(out.width) * out.height * 3, 40);
  int x0 = 0;
  for (const Image& i : images) {
    for (int y = 0; y < i.height; ++y)
      std::copy_n(&i.rgb[size_t(y) * i.width * 3], i.width * 3, &out.rgb[(size_t(y) * out.width + x0) * 3]);
    x0 += i.width;
  }
  return out;
}

bool write_png(const Image& image, const std::filesystem::path& path) {
  return stbi_write_png(path.string().c_str(), image.width, image.height, 3, image.rgb.data(),
                        image.width * 3) != 0;
}

}  // namespace fascia::test
