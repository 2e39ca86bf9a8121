"""Streamlit widgets shared by several pages (UI layer: may import streamlit and haven services)."""
