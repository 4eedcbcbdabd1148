import 'self/feature';
