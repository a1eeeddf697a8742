#include "sim/ldlt.h"

#include <Eigen/OrderingMethods>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>

namespace fascia::sim {

std::vector<int> ldlt_analyse(SparseLdlt& s, int n, const std::vector<std::pair<int, int>>& entries) {
  s.n = n;
  // Fill-reducing ordering on the full symmetric pattern (Eigen's AMD), computed once.
  std::vector<Eigen::Triplet<double>> trip;
  trip.reserve(entries.size() * 2 + n);
  for (int i = 0; i < n; ++i) trip.emplace_back(i, i, 1.0);
  for (auto [i, j] : entries) {
    trip.emplace_back(i, j, 1.0);
    trip.emplace_back(j, i, 1.0);
  }
  Eigen::SparseMatrix<double, Eigen::ColMajor, int> pat(n, n);
  pat.setFromTriplets(trip.begin(), trip.end());
  Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> p;
  Eigen::AMDOrdering<int> amd;
  amd(pat, p);  // p.indices()[new] = old, as Eigen's SimplicialLDLT uses it
  s.perm.assign(n, 0);
  s.perm_inv.assign(n, 0);
  for (int k = 0; k < n; ++k) {
    s.perm[k] = p.indices()[k];
    s.perm_inv[p.indices()[k]] = k;
  }

  // Permuted upper-triangle pattern, by columns, rows sorted and unique (diagonal always present).
  std::vector<std::pair<int, int>> cr;  // (col, row) in new indices
  cr.reserve(entries.size() + n);
  for (int i = 0; i < n; ++i) cr.emplace_back(i, i);
  auto upper = [&](int i, int j) {
    int a = s.perm_inv[i], b = s.perm_inv[j];
    return a <= b ? std::pair<int, int>{b, a} : std::pair<int, int>{a, b};
  };
  for (auto [i, j] : entries) cr.push_back(upper(i, j));
  std::sort(cr.begin(), cr.end());
  cr.erase(std::unique(cr.begin(), cr.end()), cr.end());
  s.a_colptr.assign(n + 1, 0);
  s.a_row.resize(cr.size());
  for (size_t k = 0; k < cr.size(); ++k) {
    s.a_colptr[cr[k].first + 1]++;
    s.a_row[k] = cr[k].second;
  }
  for (int c = 0; c < n; ++c) s.a_colptr[c + 1] += s.a_colptr[c];
  s.a_value.assign(cr.size(), 0.0);

  std::vector<int> slots(entries.size());
  for (size_t k = 0; k < entries.size(); ++k) {
    auto key = upper(entries[k].first, entries[k].second);
    slots[k] = int(std::lower_bound(cr.begin(), cr.end(), key) - cr.begin());
  }

  // Symbolic factorisation: elimination tree and column counts of L.
  s.parent.assign(n, -1);
  s.l_count.assign(n, 0);
  s.flag.assign(n, 0);
  for (int k = 0; k < n; ++k) {
    s.flag[k] = k;
    for (int p = s.a_colptr[k]; p < s.a_colptr[k + 1]; ++p) {
      for (int i = s.a_row[p]; i < k && s.flag[i] != k; i = s.parent[i]) {
        if (s.parent[i] == -1) s.parent[i] = k;
        s.l_count[i]++;
        s.flag[i] = k;
      }
    }
  }
  s.l_colptr.assign(n + 1, 0);
  for (int k = 0; k < n; ++k) s.l_colptr[k + 1] = s.l_colptr[k] + s.l_count[k];
  s.l_row.assign(s.l_colptr[n], 0);
  s.l_value.assign(s.l_colptr[n], 0.0);
  // Row patterns of L (the columns i < k with L(k, i) != 0), ascending, and the slot of each entry:
  // rows are filled in order, so row k's entry in column i goes after those of earlier rows.
  s.row_ptr.assign(n + 1, 0);
  s.row_col.clear();
  s.row_col.reserve(s.l_colptr[n]);
  s.row_pos.clear();
  s.row_pos.reserve(s.l_colptr[n]);
  std::vector<int> fill(n, 0), pattern;
  for (int k = 0; k < n; ++k) {
    s.flag[k] = -1 - k;  // fresh marks (the loop above used k)
    pattern.clear();
    for (int p = s.a_colptr[k]; p < s.a_colptr[k + 1]; ++p) {
      for (int i = s.a_row[p]; i < k && s.flag[i] != -1 - k; i = s.parent[i]) {
        pattern.push_back(i);
        s.flag[i] = -1 - k;
      }
    }
    std::sort(pattern.begin(), pattern.end());
    for (int i : pattern) {
      int pos = s.l_colptr[i] + fill[i]++;
      s.l_row[pos] = k;
      s.row_col.push_back(i);
      s.row_pos.push_back(pos);
    }
    s.row_ptr[k + 1] = int(s.row_col.size());
  }
  s.d.assign(n, 0.0);
  s.y.assign(n, 0.0);
  s.x_perm.assign(n, 0.0);
  s.pattern.assign(n, 0);
  return slots;
}

void ldlt_factorize(SparseLdlt& s, double min_pivot) {  // min_pivot relative to the pivot's diagonal
  const int n = s.n;
  double max_diag = 0.0;
  for (int k = 0; k < n; ++k) {
    // The diagonal is the last entry of each column (rows sorted, row <= col).
    max_diag = std::max(max_diag, std::abs(s.a_value[s.a_colptr[k + 1] - 1]));
  }
  const double floor_pivot = std::max(min_pivot * max_diag, 1e-300);
  s.clamped_pivots = 0;
  for (int k = 0; k < n; ++k) {
    // Row k of L: scatter column k of A, then eliminate along the precomputed row pattern.
    for (int p = s.a_colptr[k]; p < s.a_colptr[k + 1]; ++p) s.y[s.a_row[p]] += s.a_value[p];
    double dk = s.y[k];
    s.y[k] = 0.0;
    for (int q = s.row_ptr[k]; q < s.row_ptr[k + 1]; ++q) {
      int i = s.row_col[q];
      int end = s.row_pos[q];
      double yi = s.y[i];
      s.y[i] = 0.0;
      for (int p = s.l_colptr[i]; p < end; ++p) s.y[s.l_row[p]] -= s.l_value[p] * yi;
      double lki = yi / s.d[i];
      dk -= lki * yi;
      s.l_value[end] = lki;
    }
    // A pivot that is not clearly positive is replaced by its magnitude, and at least a fraction of
    // its own diagonal: the factor then belongs to a nearby positive definite matrix, so the step it
    // gives stays a descent direction and the entries of L stay bounded.
    double akk = std::abs(s.a_value[s.a_colptr[k + 1] - 1]);
    if (!(dk > min_pivot * akk + floor_pivot)) {
      dk = std::max({std::abs(dk), 1e-3 * akk, floor_pivot});
      if (!std::isfinite(dk)) dk = std::max(akk, floor_pivot);
      s.clamped_pivots++;
    }
    s.d[k] = dk;
  }
}

void ldlt_solve(SparseLdlt& s, double* b) {
  const int n = s.n;
  double* x = s.x_perm.data();
  for (int k = 0; k < n; ++k) x[k] = b[s.perm[k]];
  for (int j = 0; j < n; ++j) {
    for (int p = s.l_colptr[j]; p < s.l_colptr[j + 1]; ++p) x[s.l_row[p]] -= s.l_value[p] * x[j];
  }
  for (int j = 0; j < n; ++j) x[j] /= s.d[j];
  for (int j = n - 1; j >= 0; --j) {
    for (int p = s.l_colptr[j]; p < s.l_colptr[j + 1]; ++p) x[j] -= s.l_value[p] * x[s.l_row[p]];
  }
  for (int k = 0; k < n; ++k) b[s.perm[k]] = x[k];
}

}  // namespace fascia::sim
